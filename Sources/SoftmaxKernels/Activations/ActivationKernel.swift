/// The elementwise activations the `simd` kernels compute, named as the reference and the protocol
/// name them (`ActivationKernel(rawValue: "gelu-tanh")`). Each output is the function of its input
/// alone, for `Float`, `Double` and `Float16` storage, with a declared bound (``ulpBound(for:)``).
///
/// Every value is evaluated in `Double` (for `Float` and `Float16` storage too, then rounded once to
/// the storage type), so the narrow types are within half an ulp plus a few 2⁻²⁹ (`Float`) or 2⁻⁴²
/// (`Float16`). ±0, ±inf and NaN follow the reference's conventions: NaN gives NaN, ±inf the limit,
/// an exact 0 at ±0 the sign of f beside 0 on that side.
/// ```swift
/// ActivationKernel.tanh.apply([0.5, -2] as [Float])   // ≈ [0.4621, -0.9640]
/// ```
public enum ActivationKernel: String, CaseIterable, Sendable, Codable {
    /// tanh x.
    case tanh
    /// ln(1 + e^(βx))/β (β default 1, β ≠ 0).
    case softplus
    /// ln σ(x) = −softplus(−x).
    case logSigmoid = "log-sigmoid"
    /// x/(1 + |x|).
    case softsign
    /// e^x.
    case exponential
    /// x for x > 0, α(e^x − 1) otherwise (α default 1).
    case elu
    /// λ·elu_α with the SELU paper's α = 1.6732632423543772848170429916717, λ = 1.0507009873554804934193349852946.
    case selu
    /// x·σ(βx) (β default 1).
    case swish
    /// x·σ(βx), PyTorch's name for `swish`.
    case silu
    /// x·Φ(x), Φ the standard normal distribution function.
    case gelu
    /// x/2·(1 + tanh(√(2/π)(x + 0.044715x³))).
    case geluTanh = "gelu-tanh"
    /// x·tanh(softplus(x)).
    case mish
    /// Keras' relu: slope α below the threshold t (defaults 0), clipped at `maxValue` when given.
    case relu
    /// min(max(x, 0), 6).
    case relu6
    /// x for x ≥ 0, αx otherwise (α default 0.01 rounded to the storage type).
    case leakyRelu = "leaky-relu"
    /// min(max((x + 3)/6, 0), 1).
    case hardSigmoid = "hard-sigmoid"
    /// x·hard-sigmoid(x).
    case hardSwish = "hard-swish"
    /// x.
    case linear

    /// Whether the function takes `beta`, `alpha`, and relu's `maxValue` and `threshold`.
    public var takesBeta: Bool { [.softplus, .swish, .silu].contains(self) }
    public var takesAlpha: Bool { [.elu, .leakyRelu, .relu].contains(self) }
    public var takesReluBounds: Bool { self == .relu }
}
