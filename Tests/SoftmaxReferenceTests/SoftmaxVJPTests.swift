import Multiprecision
import SoftmaxConformance
import SoftmaxReference
import Testing
import _SoftmaxTestSupport

/// softmax-vjp against an independent computation (IndependentExp and the textbook formula in
/// exact interval arithmetic), and its exact zeros.
@Suite struct SoftmaxVJPTests {
    @Test("softmax-vjp is correctly rounded in every format and mode (independent exp)")
    func againstIndependent() throws {
        var rng = SplitMix64(seed: SplitMix64.seed(default: 21))
        var checked = 0
        for r in 0..<60 {
            let n = [2, 3, 5, 8][r % 4]
            // Multiples of 1/8 up to 6 in magnitude: exact in every format, bfloat16 included.
            let row = (0..<n).map { _ in FloatValue(Float16(Float(Int.random(in: -48...48, using: &rng)) / 8)) }
            let vector = (0..<n).map { _ in FloatValue(Float16(Float(Int.random(in: -8...8, using: &rng)) / 2)) }
            let beta = FloatValue(Float16([1, -0.5, 2.25][r % 3]))
            let bounds = IndependentSoftmax.softmaxVJP(row.map { Rational($0.dyadic!) }, vector: vector.map { Rational($0.dyadic!) },
                                                       beta: Rational(beta.dyadic!))
            for format in FloatFormat.all {
                let x = row.map { format.round($0.dyadic!, .toNearestOrEven) }
                let v = vector.map { format.round($0.dyadic!, .toNearestOrEven) }
                let b = format.round(beta.dyadic!, .toNearestOrEven)
                for mode in [FloatingPointRoundingRule.toNearestOrEven, .down, .up, .towardZero] {
                    let ours = try Reference.softmaxVJP(x, vector: v, beta: b, format: format, rounding: mode)
                    for (i, bound) in bounds.enumerated() {
                        guard let expected = IndependentSoftmax.rounded(bound, format, mode) else { continue }
                        #expect(ours[i] == expected, "row \(row.map(\.hexString)) v \(vector.map(\.hexString)) entry \(i) \(format) \(mode)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 2000)
    }

    func doubles(_ values: [Double]) -> [FloatValue] { values.map { FloatValue($0) } }

    @Test("a vector that is constant on each group of equal logits gives exact zeros")
    func exactZeros() throws {
        let x = doubles([1.0, 2.0, 1.0, 3.0])
        // ⟨v, s⟩ = v for a constant vector; and with v = [1, 5, 3, 5] output 1 is Σ (5 − v_i)s_i ≠ 0.
        #expect(try Reference.softmaxVJP(x, vector: doubles([2, 2, 2, 2]), format: .binary64) == Array(repeating: .zero(.binary64), count: 4))
        let mixed = try Reference.softmaxVJP(x, vector: doubles([1, 5, 3, 5]), format: .binary64)
        #expect(mixed.allSatisfy { !$0.isZero })
        // x = [1, 1]: both outputs are s(1 − s)·(v_0 − v_1) = ±(v_0 − v_1)/4, exact.
        #expect(try Reference.softmaxVJP(doubles([1, 1]), vector: doubles([3, 1]), format: .binary64)
                == [FloatValue(0.5), FloatValue(-0.5)])
    }

    @Test("bad vectors are typed errors")
    func badVectors() {
        #expect(throws: ReferenceError.vectorMismatch(vector: nil, logits: 2)) { try ReferenceRequest(.softmaxVJP, input: doubles([1, 2])) }
        #expect(throws: ReferenceError.vectorMismatch(vector: 1, logits: 2)) { try ReferenceRequest(.softmaxVJP, input: doubles([1, 2]), vector: [FloatValue(1.0)]) }
        #expect(throws: ReferenceError.self) { try ReferenceRequest(.softmaxVJP, input: doubles([1, 2]), vector: [FloatValue(1.0), FloatValue(Double.nan)]) }
    }
}
