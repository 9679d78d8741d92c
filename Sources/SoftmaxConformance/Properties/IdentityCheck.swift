import Multiprecision
import SoftmaxReference

/// What the activation properties share: the inputs they use from a case, and the comparison of
/// two sides of an identity formed exactly from an implementation's outputs.
enum IdentityCheck {
    /// The finite entries of the case's row, at most `limit` of them (identities are elementwise,
    /// so a long row adds requests without adding kinds of input).
    static func inputs(_ c: CheckCase, limit: Int = 64) -> [FloatValue] { Array(c.row.filter(\.isFinite).prefix(limit)) }

    /// Each value with its sign flipped (exact; +0 becomes −0).
    static func negated(_ x: [FloatValue]) -> [FloatValue] { x.map { FloatValue(format: $0.format, bits: $0.bits ^ $0.format.signMask) } }

    /// An activation's outputs with the defaults, or with β where it takes one.
    static func outputs(_ context: PropertyContext, _ activation: Activation, _ x: [FloatValue], format: FloatFormat,
                        beta: FloatValue? = nil, alpha: FloatValue? = nil) throws(PropertyContext.Refusal) -> [FloatValue] {
        try context.outputs(ImplementationRequest(activation, format: format, input: x, beta: beta, alpha: alpha))
    }

    /// The family's sigmoid σ(βx) (β = 1 unless given).
    static func sigmoid(_ context: PropertyContext, _ x: [FloatValue], format: FloatFormat,
                        beta: FloatValue? = nil) throws(PropertyContext.Refusal) -> [FloatValue] {
        try context.outputs(ImplementationRequest(.sigmoid, format: format, input: x, beta: beta))
    }

    /// nil when |lhs − rhs| ≤ allowed, else the reason, "at x = …: lhs … but rhs …".
    static func differ(_ lhs: Dyadic, _ rhs: Dyadic, allowed: Dyadic, at x: FloatValue, _ left: String, _ right: String) -> String? {
        (lhs - rhs).magnitude <= allowed ? nil
            : "at x = \(x.hexString): \(left) = \(lhs.doubleApproximation) but \(right) = \(rhs.doubleApproximation) (allowed difference \(allowed.doubleApproximation))"
    }
}
