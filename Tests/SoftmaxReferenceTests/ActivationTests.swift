import Foundation
import Multiprecision
import SoftmaxConformance
import SoftmaxReference
import Testing
import _SoftmaxTestSupport

/// The activations against independent computations: exact rational enclosures of e^q
/// (`IndependentExp`) for the functions that are rational in e^x, libm in double precision for
/// the narrower formats, hand-derived exact values for the piecewise ones, and the limits.
@Suite struct ActivationTests {
    static let modes: [FloatingPointRoundingRule] = [.toNearestOrEven, .down, .up, .towardZero]

    static func value(_ x: Double, _ format: FloatFormat = .binary64) -> FloatValue {
        format.round(Rational(FloatValue(x).dyadic!), .toNearestOrEven)
    }

    static func evaluate(_ f: Activation, _ x: Double, _ format: FloatFormat = .binary64, _ mode: FloatingPointRoundingRule = .toNearestOrEven,
                         _ parameters: ActivationParameters = ActivationParameters()) throws -> FloatValue {
        try Reference.evaluate(ActivationRequest(f, input: [value(x, format)], parameters: parameters), format: format, rounding: mode)[0]
    }

    /// f as a rational function g(E) of E = e^(k·x), increasing in E (or decreasing), rounded
    /// from both ends of E's enclosure; nil when the two roundings differ (too close to call).
    static func fromExp(_ x: Rational, k: Rational, format: FloatFormat, mode: FloatingPointRoundingRule,
                        _ g: (Rational) -> Rational) -> FloatValue? {
        let (lo, hi) = IndependentExp.enclosure(k * x)
        let a = format.round(g(lo), mode), b = format.round(g(hi), mode)
        return a == b ? a : nil
    }

    @Test("Functions rational in e^x agree with exact rational enclosures, binary64 and binary32, every mode")
    func rationalInExp() throws {
        var rng = SplitMix64(seed: SplitMix64.seed(default: 20))
        let one = Rational(1), two = Rational(2)
        let lambda = Rational(BigInt("10507009873554804934193349852946")!, BigInt(10).power(31))
        let alpha = Rational(BigInt("16732632423543772848170429916717")!, BigInt(10).power(31))
        var checked = 0
        for _ in 0..<60 {
            let magnitude = Double(Int.random(in: -12...4, using: &rng))
            let x = (Double(Int.random(in: 1...1000, using: &rng)) / 1000) * pow(2, magnitude) * (Bool.random(using: &rng) ? 1 : -1)
            for format in [FloatFormat.binary64, .binary32] {
                let xv = Self.value(x, format)
                let q = Rational(xv.dyadic!)
                for mode in Self.modes {
                    let cases: [(Activation, Rational, (Rational) -> Rational)] = [
                        (.exponential, one, { $0 }),
                        (.tanh, two, { ($0 - one) / ($0 + one) }),
                        (.swish, one, { q * $0 / ($0 + one) }),
                        (.mish, one, { e in q * (e * e + two * e) / (e * e + two * e + two) }),
                        (.elu, one, { q.signum > 0 ? q : $0 - one }),
                        (.selu, one, { q.signum > 0 ? lambda * q : lambda * alpha * ($0 - one) }),
                    ]
                    for (f, k, g) in cases {
                        guard let expected = Self.fromExp(q, k: k, format: format, mode: mode, g) else { continue }
                        let got = try Reference.evaluate(ActivationRequest(f, input: [xv]), format: format, rounding: mode)[0]
                        #expect(got == expected, "\(f)(\(x)) in \(format) \(mode)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 2500)
    }

    @Test("softplus and log-sigmoid agree with certified logarithms of 1 + e^x")
    func softplusAgainstLog() throws {
        var rng = SplitMix64(seed: SplitMix64.seed(default: 21))
        for _ in 0..<25 {
            let x = Double(Int.random(in: -4000...4000, using: &rng)) / 256
            let q = Rational(Self.value(x).dyadic!)
            let (elo, ehi) = IndependentExp.enclosure(q)
            let lo = IndependentExp.logEnclosure(Rational(1) + elo).lower, hi = IndependentExp.logEnclosure(Rational(1) + ehi).upper
            for mode in Self.modes {
                let a = FloatFormat.binary64.round(lo, mode), b = FloatFormat.binary64.round(hi, mode)
                guard a == b else { continue }
                #expect(try Self.evaluate(.softplus, x, .binary64, mode) == a, "softplus(\(x)) \(mode)")
                // log-sigmoid(-x) = -softplus(x): the rounding of the negation in the mirrored mode.
                let mirrored: FloatingPointRoundingRule = mode == .up ? .down : mode == .down ? .up : mode
                let c = FloatFormat.binary64.round(-hi, mode), d = FloatFormat.binary64.round(-lo, mode)
                if c == d { #expect(try Self.evaluate(.logSigmoid, -x, .binary64, mode) == c, "log-sigmoid(\(-x)) \(mode) \(mirrored)") }
            }
        }
    }

    /// libm's value rounded to `format` when no rounding boundary lies within 8 double ulps of it.
    static func fromLibm(_ d: Double, _ format: FloatFormat, _ mode: FloatingPointRoundingRule) -> FloatValue? {
        guard d.isFinite else { return nil }
        let spread = 8 * d.ulp
        let a = format.round(Rational(FloatValue(d - spread).dyadic!), mode)
        let b = format.round(Rational(FloatValue(d + spread).dyadic!), mode)
        return a == b ? a : nil
    }

    @Test("gelu, gelu-tanh, mish, softplus, tanh and log-sigmoid agree with libm in binary32, binary16 and bfloat16")
    func againstLibm() throws {
        var rng = SplitMix64(seed: SplitMix64.seed(default: 22))
        let c = (2 / Double.pi).squareRoot()
        func softplus(_ x: Double) -> Double { max(x, 0) + log1p(exp(-abs(x))) }
        let functions: [(Activation, (Double) -> Double)] = [
            (.gelu, { 0.5 * $0 * erfc(-$0 / 2.0.squareRoot()) }),
            (.geluTanh, { x in x / (1 + exp(-2 * c * (x + 0.044715 * x * x * x))) }),
            (.mish, { $0 * Foundation.tanh(softplus($0)) }),
            (.softplus, softplus),
            (.logSigmoid, { -softplus(-$0) }),
            (.tanh, Foundation.tanh),
            (.softsign, { $0 / (1 + abs($0)) }),
        ]
        var checked = 0
        for _ in 0..<80 {
            let x = Double(Int.random(in: -9000...9000, using: &rng)) / 1000
            for format in [FloatFormat.binary32, .binary16, .bfloat16] {
                let xv = Self.value(x, format)
                let xd = xv.double
                for (f, libm) in functions {
                    for mode in Self.modes {
                        guard let expected = Self.fromLibm(libm(xd), format, mode) else { continue }
                        let got = try Reference.evaluate(ActivationRequest(f, input: [xv]), format: format, rounding: mode)[0]
                        #expect(got == expected, "\(f)(\(xd)) in \(format) \(mode)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 5000)
    }

    @Test("Piecewise functions are exact rationals rounded once (hand values)")
    func piecewise() throws {
        for mode in Self.modes {
            let r = { (n: Int, d: Int) in FloatFormat.binary32.round(Rational(BigInt(n), BigInt(d)), mode) }
            #expect(try Self.evaluate(.softsign, 3, .binary32, mode) == r(3, 4))
            #expect(try Self.evaluate(.softsign, -0.5, .binary32, mode) == r(-1, 3))
            #expect(try Self.evaluate(.relu6, 7, .binary32, mode) == r(6, 1))
            #expect(try Self.evaluate(.hardSigmoid, 1, .binary32, mode) == r(2, 3))
            #expect(try Self.evaluate(.hardSigmoid, -4, .binary32, mode) == r(0, 1))
            #expect(try Self.evaluate(.hardSwish, 1, .binary32, mode) == r(2, 3))
            #expect(try Self.evaluate(.hardSwish, -1, .binary32, mode) == r(-1, 3))
            #expect(try Self.evaluate(.linear, -2.5, .binary32, mode) == r(-5, 2))
            // Keras relu: threshold 1, max 5, slope 1/2: 3 -> 3, 7 -> 5, 1 -> 0 (x > t is strict), -1 -> -(1/2)·2 = -1.
            let keras = ActivationParameters(alpha: Self.value(0.5, .binary32), maxValue: Self.value(5, .binary32), threshold: Self.value(1, .binary32))
            #expect(try Self.evaluate(.relu, 3, .binary32, mode, keras) == r(3, 1))
            #expect(try Self.evaluate(.relu, 7, .binary32, mode, keras) == r(5, 1))
            #expect(try Self.evaluate(.relu, 1, .binary32, mode, keras) == r(0, 1))
            #expect(try Self.evaluate(.relu, -1, .binary32, mode, keras) == r(-1, 1))
        }
        // leaky-relu's default slope is 0.01 rounded to the format: -3 -> -3·fl32(0.01), rounded once.
        let slope = Rational(FloatFormat.binary32.round(Rational(BigInt(1), BigInt(100)), .toNearestOrEven).dyadic!)
        #expect(try Self.evaluate(.leakyRelu, -3, .binary32, .up) == FloatFormat.binary32.round(Rational(-3) * slope, .up))
    }

    @Test("Infinities give the limits, NaN gives NaN, and zeros keep the sign of f beside them")
    func limitsAndZeros() throws {
        let f = FloatFormat.binary32
        func fv(_ x: Double) -> FloatValue {
            if x.isNaN { return .nan(f) }
            if x.isInfinite { return .infinity(f, negative: x < 0) }
            if x == 0 { return .zero(f, negative: x.sign == .minus) }
            return Self.value(x, f)
        }
        func at(_ fn: Activation, _ x: Double, _ p: ActivationParameters = ActivationParameters()) throws -> FloatValue {
            try Reference.evaluate(ActivationRequest(fn, input: [fv(x)], parameters: p), format: f)[0]
        }
        let inf = Double.infinity
        #expect(try at(.tanh, -inf).double == -1)
        #expect(try at(.softsign, inf).double == 1)
        #expect(try at(.softplus, -inf) == .zero(f))
        #expect(try at(.logSigmoid, inf) == .zero(f, negative: true))
        #expect(try at(.exponential, -inf) == .zero(f))
        #expect(try at(.gelu, -inf) == .zero(f, negative: true))
        #expect(try at(.mish, -inf) == .zero(f, negative: true))
        #expect(try at(.swish, -inf) == .zero(f, negative: true))
        #expect(try at(.swish, inf, ActivationParameters(beta: fv(-1))) == .zero(f))
        #expect(try at(.elu, -inf).double == -1)
        #expect(try at(.relu6, inf).double == 6)
        #expect(try at(.hardSwish, -inf) == .zero(f, negative: true))
        // Exact zeros away from 0: relu(-5) = max(-5, 0) is +0; hard-swish(-5) = -5·0 is -0.
        #expect(try at(.relu, -5) == .zero(f))
        #expect(try at(.hardSwish, -5) == .zero(f, negative: true))
        #expect(try at(.hardSigmoid, -5) == .zero(f))
        #expect(try at(.relu, inf, ActivationParameters(maxValue: fv(2))).double == 2)
        // A negative maximum clips everything to it: relu with M = -1 is -1 at -65504 and at -inf.
        #expect(try at(.relu, -inf, ActivationParameters(maxValue: fv(-1))).double == -1)
        #expect(try at(.relu, -65504, ActivationParameters(maxValue: fv(-1))).double == -1)
        for fn in Activation.allCases { #expect(try at(fn, .nan).isNaN, "\(fn)(nan)") }
        // Signed zeros: odd-like functions keep the sign, relu is +0 on both sides.
        for fn: Activation in [.tanh, .softsign, .elu, .selu, .swish, .gelu, .geluTanh, .mish, .leakyRelu, .hardSwish, .linear] {
            #expect(try at(fn, -0.0) == .zero(f, negative: true), "\(fn)(-0)")
            #expect(try at(fn, 0.0) == .zero(f), "\(fn)(+0)")
        }
        #expect(try at(.relu, -0.0) == .zero(f))
        #expect(try at(.relu6, -0.0) == .zero(f))
        #expect(try at(.exponential, -0.0).double == 1)
        #expect(try at(.hardSigmoid, -0.0).double == 0.5)
    }

    @Test("Saturated tails are decided at once in every mode: tanh(1e30), gelu(±1e300), e^(1e6)")
    func saturatedTails() throws {
        let f = FloatFormat.binary64
        let belowOne = f.round(Rational(1) - Rational(1).timesPowerOfTwo(-60), .down)
        #expect(try Self.evaluate(.tanh, 1e30, f, .toNearestOrEven).double == 1)
        #expect(try Self.evaluate(.tanh, 1e30, f, .down) == belowOne)
        #expect(try Self.evaluate(.tanh, -1e30, f, .up) == FloatValue(-belowOne.double))
        // gelu(1e300) = 1e300·Φ(1e300), just below 1e300; gelu(-1e300) in (-ε, 0).
        #expect(try Self.evaluate(.gelu, 1e300, f, .toNearestOrEven).double == 1e300)
        #expect(try Self.evaluate(.gelu, 1e300, f, .down).double == 1e300.nextDown)
        #expect(try Self.evaluate(.gelu, -1e300, f, .toNearestOrEven) == .zero(f, negative: true))
        #expect(try Self.evaluate(.gelu, -1e300, f, .down).double == -Double.leastNonzeroMagnitude)
        #expect(try Self.evaluate(.geluTanh, -1e300, f, .toNearestOrEven) == .zero(f, negative: true))
        #expect(try Self.evaluate(.mish, -1e300, f, .up) == .zero(f, negative: true))
        #expect(try Self.evaluate(.softplus, 1e300, f, .up).double == 1e300.nextUp)
        #expect(try Self.evaluate(.exponential, 1e6, f, .toNearestOrEven).double == .infinity)
        #expect(try Self.evaluate(.exponential, 1e300, f, .towardZero).double == .greatestFiniteMagnitude)
        #expect(try Self.evaluate(.exponential, -1e300, f, .up).double == .leastNonzeroMagnitude)
    }

    @Test("Parameters are validated: softplus β = 0, a parameter the function does not take, NaN")
    func parameterErrors() {
        let x = [FloatValue(1.0)]
        #expect(throws: ReferenceError.zeroSoftplusBeta) { try ActivationRequest(.softplus, input: x, parameters: ActivationParameters(beta: FloatValue(0.0))) }
        #expect(throws: ReferenceError.unusedParameter(name: "alpha", function: "tanh")) {
            try ActivationRequest(.tanh, input: x, parameters: ActivationParameters(alpha: FloatValue(1.0)))
        }
        #expect(throws: ReferenceError.nonFiniteParameter(name: "beta", value: "nan")) {
            try ActivationRequest(.swish, input: x, parameters: ActivationParameters(beta: FloatValue(Double.nan)))
        }
    }
}

extension ActivationTests {
    @Test("Decimal digits: tanh(1) and erf-based gelu(1) to 30 and 17 digits (values from mpmath), far tails as bounds")
    func decimalDigits() throws {
        func digits(_ f: Activation, _ x: Double, _ n: Int) throws -> String {
            try Reference.evaluate(ActivationRequest(f, input: [FloatValue(x)]), significantDigits: n)[0]
        }
        // tanh 1 = 0.761594155955764888119458282604793..., Φ(1) = 0.841344746068542948... (mpmath, 50 digits);
        // e^x > 10^455390 for x > 2^20, since 2^20·log10 e = 455390.77...
        #expect(try digits(.tanh, 1, 30) == "0.761594155955764888119458282605")
        #expect(try digits(.gelu, 1, 17) == "0.84134474606854295")
        #expect(try digits(.gelu, -0.0, 5) == "-0")
        #expect(try digits(.exponential, 1e7, 5) == ">1e455390")
        #expect(try digits(.gelu, -1e6, 5).hasPrefix(">-1e-"))
    }
}
