import Multiprecision

/// The value of an activation at an infinite input: its limit, as an exact rational, a signed
/// infinity or a signed zero (the sign of f as it approaches 0: gelu(-inf) = -0, e^-inf = +0).
enum ActivationLimit: Equatable {
    case value(Rational)
    case infinity(negative: Bool)
    case zero(negative: Bool)

    /// lim f(x) for x -> +inf (`negative` false) or -inf.
    init(_ function: Activation, parameters p: ActivationPoint, negative: Bool) {
        let up = !negative
        let alpha = Rational(p.alpha), beta = p.beta.signum
        switch function {
        case .tanh, .softsign:
            self = .value(Rational(up ? 1 : -1))
        case .softplus:
            // β > 0: +inf, +0; β < 0: ln(1 + e^(βx))/β tends to -0 at +inf and to x at -inf.
            self = up ? (beta > 0 ? .infinity(negative: false) : .zero(negative: true))
                      : (beta > 0 ? .zero(negative: false) : .infinity(negative: true))
        case .logSigmoid:
            self = up ? .zero(negative: true) : .infinity(negative: true)
        case .exponential:
            self = up ? .infinity(negative: false) : .zero(negative: false)
        case .elu:
            self = up ? .infinity(negative: false) : .value(-alpha)
        case .selu:
            self = up ? .infinity(negative: false) : .value(-ActivationPoint.seluLambdaAlpha)
        case .swish, .silu:
            // x·σ(βx): x/2 for β = 0; β > 0 keeps +inf and tends to -0 at -inf; β < 0 the mirror.
            if beta == 0 { self = .infinity(negative: negative) }
            else if (beta > 0) == up { self = .infinity(negative: negative) }
            else { self = .zero(negative: negative) }
        case .gelu, .geluTanh, .mish:
            self = up ? .infinity(negative: false) : .zero(negative: true)
        case .relu:
            // At -inf the clipped positive part is min(0, M) (M < 0 clips everything to M), then -α·∞.
            let floor = p.maxValue.map { min(Rational(0), Rational($0)) } ?? Rational(0)
            self = up ? (p.maxValue.map { .value(Rational($0)) } ?? .infinity(negative: false))
                      : (alpha.isZero && !floor.isZero ? .value(floor) : Self.slopeLimit(alpha))
        case .relu6:
            self = up ? .value(Rational(6)) : .zero(negative: false)
        case .leakyRelu:
            self = up ? .infinity(negative: false) : Self.slopeLimit(alpha)
        case .hardSigmoid:
            self = up ? .value(Rational(1)) : .zero(negative: false)
        case .hardSwish:
            // x·hard-sigmoid(x) is x·0 below -3: -0, as at every finite x < -3.
            self = up ? .infinity(negative: false) : .zero(negative: true)
        case .linear:
            self = .infinity(negative: negative)
        }
    }

    /// α·x as x -> -inf: -inf for α > 0, +inf for α < 0, exactly 0 (+0) for α = 0.
    private static func slopeLimit(_ alpha: Rational) -> ActivationLimit {
        alpha.isZero ? .zero(negative: false) : .infinity(negative: alpha.signum > 0)
    }
}
