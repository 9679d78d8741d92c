import SoftmaxReference

/// Every function the harness puts to an implementation: a member of the softmax family or an
/// elementwise activation. One namespace, so that requests, fixtures, profiles, recorded results
/// and the protocol name a function the same way; `rawValue` is the protocol's and the CLI's name.
public enum HarnessFunction: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case family(ReferenceFunction)
    case activation(Activation)

    /// The family first, then the activations, each in its declaration order.
    public static let allCases: [HarnessFunction] = ReferenceFunction.allCases.map(family) + Activation.allCases.map(activation)

    /// The function named `rawValue` ("softmax", "tanh", ...), or nil.
    public init?(rawValue: String) {
        if let f = ReferenceFunction(rawValue: rawValue) { self = .family(f) }
        else if let a = Activation(rawValue: rawValue) { self = .activation(a) }
        else { return nil }
    }

    public var rawValue: String {
        switch self {
        case .family(let f): f.rawValue
        case .activation(let a): a.rawValue
        }
    }

    public var description: String { rawValue }

    /// One output per input, each depending on its input alone: sigmoid and every activation.
    public var isElementwise: Bool {
        switch self {
        case .family(let f): f == .sigmoid
        case .activation: true
        }
    }

    /// The activation, when this is one.
    public var activation: Activation? { if case .activation(let a) = self { a } else { nil } }

    /// Which of β, α, max_value and threshold the function takes (the family takes β alone).
    public var takesBeta: Bool { activation.map { [.softplus, .swish, .silu].contains($0) } ?? true }
    public var takesAlpha: Bool { activation.map { [.elu, .leakyRelu, .relu].contains($0) } ?? false }
    public var takesReluBounds: Bool { activation == .relu }

    // Shorthands for the family, which most of the harness speaks of.
    public static let softmax = HarnessFunction.family(.softmax)
    public static let logSoftmax = HarnessFunction.family(.logSoftmax)
    public static let logSumExp = HarnessFunction.family(.logSumExp)
    public static let sigmoid = HarnessFunction.family(.sigmoid)
    public static let jacobian = HarnessFunction.family(.jacobian)
    public static let crossEntropy = HarnessFunction.family(.crossEntropy)
    public static let softmaxVJP = HarnessFunction.family(.softmaxVJP)
}
