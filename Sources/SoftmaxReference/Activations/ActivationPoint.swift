import Multiprecision

/// One finite input of an activation with its resolved parameters: what the reference knows of
/// f(x) at a working precision.
struct ActivationPoint {
    let function: Activation
    let x: Dyadic
    let alpha: Dyadic
    let beta: Dyadic
    let maxValue: Dyadic?
    let threshold: Dyadic
    /// Below e^-tailBits an exponential is bounded, not evaluated (see ``Exp/point(_:bits:tailBits:)``).
    var tailBits = Exp.binaryTailBits

    /// SELU's λ and λ·α as exact rationals.
    static let seluLambda = decimal(Activation.seluLambda)
    static let seluLambdaAlpha = decimal(Activation.seluLambda) * decimal(Activation.seluAlpha)
    /// 0.044715 of gelu-tanh, exactly.
    static let geluCubic = Rational(BigInt(44715), BigInt(1_000_000))

    private static func decimal(_ text: String) -> Rational {
        guard case .finite(let value, _) = try? NumberLiteral(parsing: text) else { preconditionFailure("constant \(text)") }
        return value
    }

    /// f(x) at `bits` bits of working precision: an exact rational for the piecewise functions,
    /// an enclosure otherwise.
    func enclosure(bits: Int) -> Enclosure {
        if function.isPiecewiseRational { return .exact(PiecewiseActivation.value(self)) }
        return .interval(interval(bits: bits))
    }

    private func interval(bits: Int) -> DyadicInterval {
        switch function {
        case .tanh:
            return Hyperbolic.tanh(x, bits: bits, tailBits: tailBits)
        case .softplus:
            return softplus(x, beta: beta, bits: bits)
        case .logSigmoid:
            return softplus(-x, beta: .one, bits: bits).negated
        case .exponential:
            return Exp.of(x, bits: bits, tailBits: tailBits)
        case .elu:
            return x.signum > 0 ? DyadicInterval(exactly: x) : Exp.minusOne(x, bits: bits + 2, tailBits: tailBits).multiplying(by: alpha, bits: bits)
        case .selu:
            if x.signum > 0 { return DyadicInterval(enclosing: Self.seluLambda * Rational(x), bits: bits) }
            let factor = DyadicInterval(enclosing: Self.seluLambdaAlpha, bits: bits + 4)
            return Exp.minusOne(x, bits: bits + 4, tailBits: tailBits).negated.multiplyingNonNegative(factor, bits: bits).negated
        case .swish, .silu:
            return Hyperbolic.sigmoid(beta * x, bits: bits + 2, tailBits: tailBits + x.magnitudeBits).multiplying(by: x, bits: bits)
        case .gelu:
            return GaussianActivation.gelu(x, bits: bits, tailBits: tailBits)
        case .geluTanh:
            return GaussianActivation.geluTanh(x, bits: bits, tailBits: tailBits)
        case .mish:
            // tanh is increasing, so tanh(softplus(x)) lies between tanh at the ends of softplus(x).
            let s = Hyperbolic.logOnePlusExp(x, bits: bits + 8, tailBits: tailBits + x.magnitudeBits)
            let lo = Hyperbolic.tanh(s.lower, bits: bits + 4, tailBits: tailBits)
            let hi = Hyperbolic.tanh(s.upper, bits: bits + 4, tailBits: tailBits)
            let t = DyadicInterval(lower: lo.lower, upper: hi.upper, lowerIsOpen: lo.lowerIsOpen || s.lowerIsOpen,
                                   upperIsOpen: hi.upperIsOpen || s.upperIsOpen)
            return t.multiplying(by: x, bits: bits)
        case .softsign, .relu, .relu6, .leakyRelu, .hardSigmoid, .hardSwish, .linear:
            preconditionFailure("piecewise rational functions are exact")
        }
    }

    /// ln(1 + e^(βv))/β.
    private func softplus(_ v: Dyadic, beta: Dyadic, bits: Int) -> DyadicInterval {
        let core = Hyperbolic.logOnePlusExp(beta * v, bits: bits + 4, tailBits: tailBits)
        let quotient = core.dividingNonNegative(by: DyadicInterval(exactly: beta.magnitude), bits: bits)
        return beta.signum > 0 ? quotient : quotient.negated
    }
}

extension Dyadic {
    /// ⌈log2 |self|⌉ when |self| >= 1, else 0: the bits by which a product x·(far tail) can exceed the tail.
    var magnitudeBits: Int { isZero ? 0 : max(0, floorLog2 + 1) }
}
