import Foundation
import Multiprecision
import SoftmaxConformance
import SoftmaxReference

/// The activations computed in binary64 with libm's careful functions (expm1, log1p, erfc) and
/// rounded to the request's format: a decent implementation for the harness to pass in binary32
/// and below, and the base of the activation mutants (each replaces one function).
public enum DoubleActivations {
    /// An activation's parameters resolved to binary64: the request's, else the defaults.
    public struct Parameters: Sendable {
        public let alpha: Double
        public let beta: Double
        public let maxValue: Double?
        public let threshold: Double

        public init(_ activation: Activation, _ r: ImplementationRequest) {
            let defaultAlpha: Double = switch activation {
            case .leakyRelu: r.format.round(Rational(BigInt(1), BigInt(100)), .toNearestOrEven).double
            case .relu: 0
            default: 1
            }
            alpha = r.alpha?.double ?? defaultAlpha
            beta = r.beta.double
            maxValue = r.maxValue?.double
            threshold = r.threshold?.double ?? 0
        }
    }

    public typealias Function = @Sendable (_ x: Double, _ p: Parameters) -> Double

    /// SELU's α and λ rounded to binary64.
    public static let seluAlpha = Double(Activation.seluAlpha)!, seluLambda = Double(Activation.seluLambda)!

    /// σ(t) without overflow on either side.
    public static func sigmoid(_ t: Double) -> Double { t >= 0 ? 1 / (1 + exp(-t)) : exp(t) / (1 + exp(t)) }
    /// ln(1 + e^t) without overflow or cancellation.
    public static func softplus(_ t: Double) -> Double { max(t, 0) + log1p(exp(-abs(t))) }
    static func elu(_ x: Double, _ alpha: Double) -> Double { x > 0 ? x : alpha * expm1(x) }
    static func hardSigmoid(_ x: Double) -> Double { min(max((x + 3) / 6, 0), 1) }
    /// x·g for a factor g that tends to 0 as x tends to ∓inf: ±0 there, not inf·0 = NaN.
    static func times(_ x: Double, _ g: Double) -> Double { g == 0 ? (x < 0 ? -0.0 : 0.0) : x * g }

    /// The careful binary64 formula of each activation.
    public static func careful(_ activation: Activation) -> Function {
        switch activation {
        case .tanh: { x, _ in Foundation.tanh(x) }
        case .softplus: { x, p in softplus(p.beta * x) / p.beta }
        case .logSigmoid: { x, _ in -softplus(-x) }
        case .softsign: { x, _ in x.isInfinite ? (x < 0 ? -1 : 1) : x / (1 + abs(x)) }
        case .exponential: { x, _ in exp(x) }
        case .elu: { x, p in elu(x, p.alpha) }
        case .selu: { x, _ in seluLambda * elu(x, seluAlpha) }
        case .swish, .silu: { x, p in times(x, sigmoid(p.beta * x)) }
        case .gelu: { x, _ in times(x, erfc(-x / 2.0.squareRoot()) / 2) }
        case .geluTanh: { x, _ in times(x, sigmoid(2 * (2 / Double.pi).squareRoot() * (x + 0.044715 * x * x * x))) }
        case .mish: { x, _ in times(x, Foundation.tanh(softplus(x))) }
        case .relu: { x, p in
            var positive = p.threshold == 0 ? max(x, 0) : (x > p.threshold ? x : 0)
            if let m = p.maxValue { positive = min(max(positive, 0), m) }
            return p.alpha == 0 ? positive : positive - p.alpha * max(p.threshold - x, 0)
        }
        case .relu6: { x, _ in min(max(x, 0), 6) }
        case .leakyRelu: { x, p in x >= 0 ? x : p.alpha * x }
        case .hardSigmoid: { x, _ in hardSigmoid(x) }
        case .hardSwish: { x, _ in times(x, hardSigmoid(x)) }
        case .linear: { x, _ in x }
        }
    }
}
