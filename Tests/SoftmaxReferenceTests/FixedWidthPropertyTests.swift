import Multiprecision
import PropertyBased
@testable import SoftmaxReference
import Testing

/// Property tests (swift-property-based: random rows, shrunk counterexamples) of the fixed-width
/// fast path against Ziv's loop on GMP, complementing the seeded edge families of FixedWidthTests.
@Suite struct FixedWidthPropertyTests {
    @Test("where the fast path decides a random row, the series path gives the same bits")
    func randomRowsAgree() async {
        let rows = Gen.double(in: -60...60).array(of: 2...9)
        let betas = [1.0, -1.0, 0.5, 7.25, 1e-3]
        await propertyCheck(count: 150, input: rows, Gen.int(in: 0...4)) { row, b in
            let beta = betas[b]
            for format in FloatFormat.all {
                let x = row.map { format.round(FloatValue($0).dyadic!, .toNearestOrEven) }
                for function in [ReferenceFunction.softmax, .sigmoid] {
                    let request = try! ReferenceRequest(function, input: x, beta: FloatValue(beta))
                    for rule in [FloatingPointRoundingRule.toNearestOrEven, .down, .up, .towardZero] {
                        guard let fast = FixedWidthSoftmax.attempt(request, format: format, rule: rule) else { continue }
                        #expect(fast == (try? Reference.evaluateBySeries(request, format: format, rounding: rule).values),
                                "\(function) \(row) β=\(beta) \(format) \(rule)")
                    }
                }
            }
        }
    }
}
