/// The elementwise activation functions of seed 001 (the Keras activations article) and their
/// relatives, each the exact real function rounded once. Raw values are the CLI's and the
/// protocol's names.
public enum Activation: String, CaseIterable, Sendable, Codable {
    /// tanh x.
    case tanh
    /// ln(1 + e^(βx))/β (β default 1, β != 0); no threshold: that is an implementation shortcut.
    case softplus
    /// ln σ(x) = -softplus(-x).
    case logSigmoid = "log-sigmoid"
    /// x/(1 + |x|).
    case softsign
    /// e^x.
    case exponential
    /// x for x > 0, α·(e^x - 1) otherwise (α default 1).
    case elu
    /// λ·elu_α(x) with the SELU paper's α and λ as exact decimals (``Activation/seluAlpha``).
    case selu
    /// x·σ(βx) (β default 1).
    case swish
    /// x·σ(βx): the same function as `swish`, under PyTorch's name.
    case silu
    /// x·Φ(x) with Φ the standard normal distribution function, Φ(x) = erfc(-x/√2)/2.
    case gelu
    /// x/2·(1 + tanh(√(2/π)·(x + 0.044715·x³))), with 0.044715 exact.
    case geluTanh = "gelu-tanh"
    /// x·tanh(softplus(x)).
    case mish
    /// Keras' relu with negative slope α (default 0), `max_value` and `threshold` (see ``ActivationParameters``).
    case relu
    /// min(max(x, 0), 6).
    case relu6
    /// x for x >= 0, α·x otherwise (α default 0.01).
    case leakyRelu = "leaky-relu"
    /// min(max((x + 3)/6, 0), 1) (Keras 3 and PyTorch).
    case hardSigmoid = "hard-sigmoid"
    /// x·hard-sigmoid(x).
    case hardSwish = "hard-swish"
    /// x.
    case linear

    /// α of SELU, 1.6732632423543772848170429916717, exactly (Klambauer et al., 2017).
    public static let seluAlpha = "1.6732632423543772848170429916717"
    /// λ of SELU, 1.0507009873554804934193349852946, exactly.
    public static let seluLambda = "1.0507009873554804934193349852946"

    /// Whether the function is one exact rational expression of x (no series needed).
    public var isPiecewiseRational: Bool {
        switch self {
        case .softsign, .relu, .relu6, .leakyRelu, .hardSigmoid, .hardSwish, .linear: true
        default: false
        }
    }
}
