import Multiprecision
import SoftmaxReference
import Testing

/// The cases whose results are exact (or exactly representable) and that Ziv's loop could not
/// decide from enclosures alone: they must be recognised and rounded as exact values.
@Suite struct ExactCaseTests {
    static let modes: [FloatingPointRoundingRule] = [.toNearestOrEven, .down, .up, .towardZero]

    @Test("n = 1: softmax [1], log-softmax [0], LogSumExp x, in every format and mode", arguments: FloatFormat.all)
    func singleton(format: FloatFormat) throws {
        for mode in Self.modes {
            let x = [FloatValue(3.25)]
            #expect(try Reference.softmax(x, format: format, rounding: mode) == [format.round(.one, mode)])
            #expect(try Reference.logSoftmax(x, format: format, rounding: mode) == [.zero(format)])
            #expect(try Reference.logSumExp(x, format: format, rounding: mode) == format.round(Dyadic(13).timesPowerOfTwo(-2), mode))
        }
    }

    @Test("Equal logits and β = 0 give 1/n, rounded as the exact rational", arguments: FloatFormat.all)
    func uniform(format: FloatFormat) throws {
        for mode in Self.modes {
            for n in [2, 3, 5, 7, 8] {
                let expected = format.round(Rational(1, BigInt(n)), mode)
                let equal = Array(repeating: FloatValue(-2.5), count: n)
                #expect(try Reference.softmax(equal, format: format, rounding: mode) == Array(repeating: expected, count: n))
                let varied = (0..<n).map { FloatValue(Double($0) * 1.5) }
                #expect(try Reference.softmax(varied, beta: FloatValue(0.0), format: format, rounding: mode) == Array(repeating: expected, count: n))
                #expect(try Reference.softmax(varied, base: FloatValue(1.0), format: format, rounding: mode) == Array(repeating: expected, count: n))
            }
        }
    }

    @Test("sigmoid(0) = 1/2 exactly, in every format and mode")
    func sigmoidZero() throws {
        for format in FloatFormat.all {
            for mode in Self.modes {
                #expect(try Reference.sigmoid([FloatValue(0.0), FloatValue(-0.0)], format: format, rounding: mode)
                        == Array(repeating: format.round(Dyadic.powerOfTwo(-1), mode), count: 2))
            }
        }
    }

    @Test("Base 2 with integer logits gives exact rationals: softmax_2([1, 0, 0]) = [1/2, 1/4, 1/4]")
    func exactPowersOfTheBase() throws {
        for mode in Self.modes {
            let s = try Reference.softmax([1.0, 0, 0].map(FloatValue.init), base: FloatValue(2.0), format: .binary32, rounding: mode)
            #expect(s.map(\.double) == [0.5, 0.25, 0.25])
            // 2^3 / (2^3 + 2^0 + 2^0) = 4/5: not dyadic, rounded as the rational.
            let t = try Reference.softmax([3.0, 0, 0].map(FloatValue.init), base: FloatValue(2.0), format: .binary32, rounding: mode)
            #expect(t[0] == FloatFormat.binary32.round(Rational(4, 5), mode))
            // Base 10, [1, 0 × 10]: 10 / 20 = 1/2 exactly.
            let u = try Reference.softmax(([1.0] + Array(repeating: 0.0, count: 10)).map(FloatValue.init), base: FloatValue(10.0), format: .binary64, rounding: mode)
            #expect(u[0] == FloatValue(0.5))
            // Base 1/2 favours the smallest logit: softmax_(1/2)([0, 1]) = [2/3, 1/3].
            let v = try Reference.softmax([0.0, 1.0].map(FloatValue.init), base: FloatValue(0.5), format: .binary64, rounding: mode)
            #expect(v[0] == FloatFormat.binary64.round(Rational(2, 3), mode))
        }
    }

    @Test("β and base only rescale the logits: softmax(x; β = 2) = softmax(2x) and base e^... agrees with β")
    func scaling() throws {
        let x = [0.5, -1.25, 3.0].map(FloatValue.init)
        let doubled = [1.0, -2.5, 6.0].map(FloatValue.init)
        #expect(try Reference.softmax(x, beta: FloatValue(2.0), format: .binary64) == Reference.softmax(doubled, format: .binary64))
        // Negative β is the "min" convention: softmax(x; -1) = softmax(-x).
        let negated = [-0.5, 1.25, -3.0].map(FloatValue.init)
        #expect(try Reference.softmax(x, beta: FloatValue(-1.0), format: .binary64) == Reference.softmax(negated, format: .binary64))
        // Base 4 = β·ln 4 = 2·ln 2 and base 2 with β = 2 give the same row.
        #expect(try Reference.softmax(x, base: FloatValue(4.0), format: .binary64)
                == Reference.softmax(x, beta: FloatValue(2.0), base: FloatValue(2.0), format: .binary64))
    }
}
