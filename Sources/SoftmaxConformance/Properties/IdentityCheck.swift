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

    /// Two outputs per x, `a` of function `fa` and `b` of `fb`, each within its tolerance of its
    /// exact value: passes when both are finite and the two sides `identity(a, b, x)` are within the
    /// sum of the two tolerances. `names` spell a and b in messages, `sides` the two sides.
    static func pairIdentity(at x: [FloatValue], _ a: [FloatValue], _ b: [FloatValue], _ context: PropertyContext,
                             functions fa: HarnessFunction, _ fb: HarnessFunction, names: (String, String), sides: (String, String),
                             identity: (_ a: Dyadic, _ b: Dyadic, _ x: Dyadic) -> (Dyadic, Dyadic)) -> Verdict {
        for i in x.indices {
            guard let p = a[i].dyadic, let q = b[i].dyadic, let xi = x[i].dyadic else {
                return .fail(reason: "at x = \(x[i].hexString): \(names.0) = \(a[i].hexString), \(names.1) = \(b[i].hexString); both are finite", maxUlp: .infinity)
            }
            let allowed = context.tolerance(fa, around: a[i]) + context.tolerance(fb, around: b[i])
            let (lhs, rhs) = identity(p, q, xi)
            if let reason = differ(lhs, rhs, allowed: allowed, at: x[i], sides.0, sides.1) {
                return .fail(reason: reason, maxUlp: .infinity)
            }
        }
        return .pass(maxUlp: 0)
    }
}
