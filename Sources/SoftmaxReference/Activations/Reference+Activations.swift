import Multiprecision

extension Reference {
    /// Each input's activation correctly rounded to `format` under `rounding`.
    ///
    /// NaN gives NaN; ±inf gives the limit (``ActivationLimit``); an exact 0 at a ±0 input takes
    /// the sign of f just beside it on that side (tanh(-0) = -0, relu(-0) = +0), and any other
    /// exact 0 is +0 but hard-swish's (see `signOfExactZero`). e^x for x > 2^20 rounds as the
    /// overflow it is.
    public static func evaluate(_ request: ActivationRequest, format: FloatFormat,
                                rounding: FloatingPointRoundingRule = .toNearestOrEven) throws(ReferenceError) -> [FloatValue] {
        var out: [FloatValue] = []
        out.reserveCapacity(request.input.count)
        for x in request.input {
            switch outcome(request, x, format: format, tailBits: Exp.binaryTailBits) {
            case .nan: out.append(.nan(format))
            case .limit(.value(let r)): out.append(format.round(r, rounding))
            case .limit(.infinity(let negative)): out.append(.infinity(format, negative: negative))
            case .limit(.zero(let negative)), .signedZero(let negative): out.append(.zero(format, negative: negative))
            case .overflow: out.append(format.round(Dyadic.powerOfTwo(1 << 21), rounding))
            case .enclosed(let point):
                let (values, _) = try ZivLoop.run(initialBits: format.precision + 12,
                                                  enclosures: { FamilyOutputs(values: [point.enclosure(bits: $0)]) },
                                                  decide: rounder(format, rounding))
                out.append(values[0])
            }
        }
        return out
    }

    /// Each input's activation correctly rounded (to nearest, ties to even) to `digits`
    /// significant decimal digits, as text, with the conventions of
    /// ``evaluate(_:significantDigits:)-(ReferenceRequest,_)``: "nan", "inf", "-inf", "-0", and a
    /// bound such as "<1e-39456" for a far tail; e^x for x > 2^20 is the bound ">1e455390".
    public static func evaluate(_ request: ActivationRequest, significantDigits digits: Int) throws(ReferenceError) -> [String] {
        precondition(digits >= 1, "at least one significant digit")
        var out: [String] = []
        for x in request.input {
            switch outcome(request, x, format: x.format, tailBits: decimalTailBits) {
            case .nan: out.append("nan")
            case .limit(.value(let r)): out.append(r.isZero ? "0" : r.decimalDigits(significant: digits)!.description)
            case .limit(.infinity(let negative)): out.append(negative ? "-inf" : "inf")
            case .limit(.zero(let negative)), .signedZero(let negative): out.append(negative ? "-0" : "0")
            case .overflow: out.append(">1e\(largeExponentialDecimalExponent)")
            case .enclosed(let point):
                let (values, _) = try ZivLoop.run(initialBits: digits * 10 / 3 + 12,
                                                  enclosures: { FamilyOutputs(values: [point.enclosure(bits: $0)]) },
                                                  decide: decimalDecider(digits))
                out.append(values[0])
            }
        }
        return out
    }

    /// What the reference knows of one input before any series: the special cases, or the point
    /// whose value Ziv's loop must decide.
    private enum ActivationOutcome {
        case nan
        case limit(ActivationLimit)
        /// e^x for x > 2^20: above every format's largest finite value.
        case overflow
        /// An exact 0 with its sign (see `signOfExactZero`).
        case signedZero(negative: Bool)
        case enclosed(ActivationPoint)
    }

    private static func outcome(_ request: ActivationRequest, _ x: FloatValue, format: FloatFormat, tailBits: Int) -> ActivationOutcome {
        if x.isNaN { return .nan }
        var point = request.point(x.dyadic ?? .zero, format: format)
        point.tailBits = tailBits
        if x.isInfinite { return .limit(ActivationLimit(request.function, parameters: point, negative: x.isSignMinus)) }
        if request.function == .exponential && point.x > Exp.largestArgument { return .overflow }
        if let negative = signOfExactZero(point, input: x) { return .signedZero(negative: negative) }
        return .enclosed(point)
    }

    /// ⌊2^20·log10 e⌋ = ⌊2^20/ln 10⌋: e^x > 10^k for every x > 2^20.
    static let largeExponentialDecimalExponent: Int = {
        let ln10 = Log.point(Dyadic(9), bits: 64)
        let quotient = Rational(Exp.largestArgument) / Rational(ln10.upper)
        return quotient.numerator.divided(by: quotient.denominator, rounding: .floor).exactInt!
    }()

    /// The sign of f(x) when it is exactly 0 (true for -0), else nil. At a ±0 input it is the sign
    /// of f just beside 0 on that side; elsewhere +0, except hard-swish, the product
    /// x·hard-sigmoid(x), whose zero for x < -3 takes the sign of x as in every framework measured.
    /// Only the piecewise rational functions are 0 away from x = 0.
    private static func signOfExactZero(_ point: ActivationPoint, input x: FloatValue) -> Bool? {
        guard x.isZero || point.function.isPiecewiseRational else { return nil }
        switch point.enclosure(bits: 16) {
        case .exact(let r) where r.isZero: break
        case .interval(let i) where i.isExact && i.lower.isZero: break
        default: return nil
        }
        if x.isZero { return negativeBesideZero(point, negative: x.isSignMinus) }
        return point.function == .hardSwish && x.isSignMinus
    }

    /// Whether f is negative just beside 0 on the side of a signed zero input, where f(0) = 0:
    /// f at ±2^-4000 (below every format's least subnormal, so no piece boundary lies between).
    private static func negativeBesideZero(_ point: ActivationPoint, negative: Bool) -> Bool {
        let probe = ActivationPoint(function: point.function, x: negative ? -.powerOfTwo(-4000) : .powerOfTwo(-4000),
                                    alpha: point.alpha, beta: point.beta, maxValue: point.maxValue, threshold: point.threshold)
        switch probe.enclosure(bits: 64) {
        case .exact(let r): return r.signum < 0
        case .interval(let i): return i.upper.signum < 0 || (i.upper.isZero && i.upperIsOpen)
        case .nan, .infinity: return false
        }
    }
}
