import Multiprecision
import SoftmaxReference
import Testing

/// Far tails (values a series must never be run for), the non-finite policy, and errors.
@Suite struct TailAndPolicyTests {
    static let least = FloatValue(Double.leastNonzeroMagnitude)

    @Test("softmax([0, -1e308]) is decided from bounds: [1⁻, 0⁺] in every mode")
    func farTailSoftmax() throws {
        let x = [FloatValue(0.0), FloatValue(-1e308)]
        #expect(try Reference.softmax(x, format: .binary64) == [FloatValue(1.0), .zero(.binary64)])
        #expect(try Reference.softmax(x, format: .binary64, rounding: .down) == [FloatValue(1.0).nextDown, .zero(.binary64)])
        #expect(try Reference.softmax(x, format: .binary64, rounding: .up) == [FloatValue(1.0), Self.least])
        #expect(try Reference.softmax(x, format: .binary64, rounding: .towardZero) == [FloatValue(1.0).nextDown, .zero(.binary64)])
    }

    @Test("LogSumExp([1e308, -1e308]) = 1e308 + e^-2e308: 1e308 to nearest, the next double up")
    func farTailLogSumExp() throws {
        let x = [FloatValue(1e308), FloatValue(-1e308)]
        #expect(try Reference.logSumExp(x, format: .binary64) == FloatValue(1e308))
        #expect(try Reference.logSumExp(x, format: .binary64, rounding: .up) == FloatValue(1e308).nextUp)
        #expect(try Reference.logSumExp(x, format: .binary64, rounding: .down) == FloatValue(1e308))
    }

    @Test("log-softmax of a dominant logit keeps its digits: log_softmax([123, 456, 789])[2] ≈ -2.4e-145")
    func dominantLogSoftmax() throws {
        let x = [123.0, 456, 789].map(FloatValue.init)
        let ls = try Reference.logSoftmax(x, format: .binary64)
        // -ln(1 + u) with u = e^-333 + e^-666: -u to 53 bits since u² is far below an ulp of u.
        // Seed 003 prints the softmax as 2.40e-145; mpmath: -ln(1+u) = -2.398487868841356e-145.
        #expect(ls[2].shortestDecimal == "-2.398487868841356e-145")
        #expect(ls[0] == FloatValue(-666.0))
        #expect(ls[1] == FloatValue(-333.0))
        // Directed: the exact value lies strictly between two doubles.
        let up = try Reference.logSoftmax(x, format: .binary64, rounding: .up)
        let down = try Reference.logSoftmax(x, format: .binary64, rounding: .down)
        #expect(up[2] == down[2].nextUp)
    }

    @Test("Non-finite logits follow the limit policy")
    func nonFinitePolicy() throws {
        let inf = FloatValue(Double.infinity), ninf = FloatValue(-Double.infinity), nan = FloatValue(Double.nan)
        let one = FloatValue(1.0), zero = FloatValue.zero(.binary64)
        #expect(try Reference.softmax([ninf, FloatValue(0.0)], format: .binary64) == [zero, one])
        #expect(try Reference.softmax([inf, one, inf, FloatValue(3.0)], format: .binary64) == [FloatValue(0.5), zero, FloatValue(0.5), zero])
        #expect(try Reference.softmax([inf, inf, inf], format: .binary64) == Array(repeating: FloatFormat.binary64.round(Rational(1, 3), .toNearestOrEven), count: 3))
        #expect(try Reference.softmax([nan, one], format: .binary64).allSatisfy(\.isNaN))
        #expect(try Reference.softmax([ninf, ninf], format: .binary64).allSatisfy(\.isNaN))
        #expect(try Reference.logSumExp([ninf, ninf], format: .binary64) == ninf)
        #expect(try Reference.logSumExp([], format: .binary64) == ninf)
        #expect(try Reference.logSumExp([inf, one], format: .binary64) == inf)
        #expect(try Reference.softmax([], format: .binary64) == [])
        #expect(try Reference.logSoftmax([ninf, FloatValue(0.0)], format: .binary64) == [ninf, zero])
        // β < 0 turns -inf into the dominant entry.
        #expect(try Reference.softmax([ninf, FloatValue(0.0)], beta: FloatValue(-1.0), format: .binary64) == [one, zero])
        // β = 0 with an infinite logit is 0·∞: NaN.
        #expect(try Reference.softmax([inf, one], beta: FloatValue(0.0), format: .binary64).allSatisfy(\.isNaN))
        // log-softmax of three +inf entries is -ln 3 for each.
        let ls = try Reference.logSoftmax([inf, inf, inf, one], format: .binary64)
        #expect(ls[3] == ninf)
        #expect(ls[0].shortestDecimal == "-1.0986122886681098")
        #expect(try Reference.sigmoid([inf, ninf, nan], format: .binary32).map(\.hexString) == ["0x1p+0", "0x0p+0", "nan"])
    }

    @Test("Invalid requests are typed errors naming the offending value")
    func errors() throws {
        let x = [FloatValue(1.0), FloatValue(2.0)]
        #expect(throws: ReferenceError.nonFiniteBeta("nan")) { try ReferenceRequest(.softmax, input: x, beta: FloatValue(Double.nan)) }
        #expect(throws: ReferenceError.nonFiniteBeta("inf")) { try ReferenceRequest(.softmax, input: x, beta: FloatValue(Double.infinity)) }
        #expect(throws: ReferenceError.invalidBase("0")) { try ReferenceRequest(.softmax, input: x, base: FloatValue(0.0)) }
        #expect(throws: ReferenceError.invalidBase("-2")) { try ReferenceRequest(.softmax, input: x, base: FloatValue(-2.0)) }
        #expect(throws: ReferenceError.labelOutOfRange(label: 2, count: 2)) { try ReferenceRequest(.crossEntropy, input: x, label: 2) }
        #expect(throws: ReferenceError.labelOutOfRange(label: -1, count: 2)) { try ReferenceRequest(.crossEntropy, input: x, label: -1) }
        #expect(throws: ReferenceError.targetCountMismatch(targets: 1, logits: 2)) { try ReferenceRequest(.crossEntropy, input: x, target: [FloatValue(1.0)]) }
        #expect(throws: ReferenceError.needsLabelOrTarget) { try ReferenceRequest(.crossEntropy, input: x) }
        #expect(ReferenceError.invalidBase("-2").description == "base must be a finite number > 0; got -2")
    }
}

/// Regressions found by tools/crosscheck-mpmath (expected values from mpmath and Python fractions).
@Suite struct CrossCheckRegressionTests {
    @Test("LogSumExp is exactly 0 when Σ b^(βx) = 1: base 2, [-1, -1] and [-2, -2, -2, -2]")
    func exactZeroLogSumExp() throws {
        for row in [[-1.0, -1], [-2.0, -2, -2, -2]] {
            for mode in [FloatingPointRoundingRule.toNearestOrEven, .up, .down] {
                #expect(try Reference.logSumExp(row.map(FloatValue.init), base: FloatValue(2.0), format: .binary64, rounding: mode) == .zero(.binary64))
            }
        }
    }

    @Test("Cross-entropy with the label's logit far below the max decides in directed modes")
    func farLabel() throws {
        let (loss, gradient) = try Reference.crossEntropy([FloatValue(0.0), FloatValue(100000.0)], label: 0, format: .binary64, rounding: .up)
        // Exact: loss 100000 + ln(1 + e^-100000), gradient [-1 + e^-100000, 1 - e^-100000].
        #expect(loss.hexString == "0x1.86a0000000001p+16")
        #expect(gradient.map(\.hexString) == ["-0x1.fffffffffffffp-1", "0x1p+0"])
    }

    @Test("Rational results are exact: β = 3 on three equal logits gives gradient [-2, 1, 1]; β = 4.5 a Jacobian of 1 and -1/2")
    func exactRationalResults() throws {
        let zeros = Array(repeating: FloatValue(0.0), count: 3)
        let (loss, gradient) = try Reference.crossEntropy(zeros, label: 0, beta: FloatValue(3.0), format: .binary64, rounding: .down)
        #expect(gradient.map(\.double) == [-2, 1, 1])
        #expect(loss.hexString == "0x1.193ea7aad030ap+0")  // ln 3 rounded down
        let viaTarget = try Reference.crossEntropy(zeros, target: [1.0, 0, 0].map(FloatValue.init), beta: FloatValue(3.0), format: .binary64, rounding: .down)
        #expect(viaTarget.gradient.map(\.double) == [-2, 1, 1])
        let infinities = Array(repeating: FloatValue(Double.infinity), count: 3)
        #expect(try Reference.crossEntropy(infinities, label: 1, beta: FloatValue(3.0), format: .binary64, rounding: .up).gradient.map(\.double) == [1, -2, 1])
        let j = try Reference.softmaxJacobian(zeros, beta: FloatValue(4.5), format: .binary64, rounding: .down)
        #expect(j.map { $0.map(\.double) } == [[1, -0.5, -0.5], [-0.5, 1, -0.5], [-0.5, -0.5, 1]])
    }
}
