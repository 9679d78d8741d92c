import Multiprecision
import SoftmaxReference

/// selu(x) = λ·elu_α(x) with SELU's α and λ.
public struct SeluScaledElu: ConformanceProperty {
    public init() {}
    public let name = "selu-elu"
    public let statement = "selu(x) agrees with λ·elu(x; α̃) (α̃ SELU's α rounded to the format) within u·ulp(selu) + λ(u·ulp(elu) + |α/α̃ − 1|·(|elu| + u·ulp(elu)))"
    public let rationale = "selu = λ·elu_α with α and λ exact decimals; elu can only be asked with α̃, a value of the format, and for x ≤ 0 elu_α = (α/α̃)·elu_α̃, so the rounding of α adds the relative |α/α̃ − 1| of elu's exact value (at most |elu| + its bound). Everything is taken as exact rationals. λ > 1, so selu overflows just below the format's max: an infinite selu is accepted where λ·elu, with its allowance, rounds to infinity."
    public var functions: Set<HarnessFunction> { [.activation(.selu), .activation(.elu)] }

    static let lambda = decimal(Activation.seluLambda), alpha = decimal(Activation.seluAlpha)

    private static func decimal(_ text: String) -> Rational {
        guard case .finite(let value, _) = try? NumberLiteral(parsing: text) else { preconditionFailure("constant \(text)") }
        return value
    }

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        let f = c.format
        let x = IdentityCheck.inputs(c)
        guard !x.isEmpty else { return .skip("no finite x") }
        let roundedAlpha = f.round(Self.alpha, .toNearestOrEven)
        let drift = (Self.alpha / Rational(roundedAlpha.dyadic!) - Rational(1)).magnitude
        let s = try IdentityCheck.outputs(context, .selu, x, format: f)
        let e = try IdentityCheck.outputs(context, .elu, x, format: f, alpha: roundedAlpha)
        for i in x.indices {
            if s[i].isInfinite, let b = e[i].dyadic, s[i].isSignMinus == b.isNegative {
                // λx overflows near the format's max: an infinity is right when λ·elu can reach the overflow.
                let tauE = Rational(context.tolerance(.activation(.elu), around: e[i]))
                let reach = Self.lambda * (Rational(b.magnitude) + tauE + drift * (Rational(b.magnitude) + tauE))
                if f.round(reach, .toNearestOrEven).isInfinite { continue }
            }
            guard let a = s[i].dyadic, let b = e[i].dyadic else {
                return .fail(reason: "at x = \(x[i].hexString): selu = \(s[i].hexString), elu(x; α̃) = \(e[i].hexString); both are finite", maxUlp: .infinity)
            }
            let tauS = Rational(context.tolerance(.activation(.selu), around: s[i]))
            let tauE = Rational(context.tolerance(.activation(.elu), around: e[i]))
            let allowed = tauS + Self.lambda * (tauE + drift * (Rational(b.magnitude) + tauE))
            let difference = (Rational(a) - Self.lambda * Rational(b)).magnitude
            if allowed < difference {
                return .fail(reason: "at x = \(x[i].hexString): selu(x) = \(s[i].hexString) but λ·elu(x; α̃) = \((Self.lambda * Rational(b)).decimalDigits(significant: 8)?.description ?? "?")", maxUlp: .infinity)
            }
        }
        return .pass(maxUlp: 0)
    }
}
