import Multiprecision
import PropertyBased
@testable import SoftmaxReference
import Synchronization
import Testing

/// Property tests (swift-property-based: random rows, shrunk counterexamples) of the fixed-width
/// fast path against Ziv's loop on GMP, complementing the seeded edge families of FixedWidthTests.
@Suite struct FixedWidthPropertyTests {
    @Test("where the fast path decides a random row, the series path gives the same bits; it decides most rows")
    func randomRowsAgree() async {
        let rows = Gen.double(in: -60...60).array(of: 2...9)
        let betas = [1.0, -1.0, 0.5, 7.25, 1e-3]
        // (attempts, decided): the comparison is only as strong as the share the fast path decides.
        let tally = Mutex((0, 0))
        await propertyCheck(count: 150, input: rows, Gen.int(in: 0...4)) { row, b in
            let beta = betas[b]
            for format in FloatFormat.all {
                let x = row.map { format.round(FloatValue($0).dyadic!, .toNearestOrEven) }
                for function in [ReferenceFunction.softmax, .sigmoid] {
                    let request = try! ReferenceRequest(function, input: x, beta: FloatValue(beta))
                    for rule in [FloatingPointRoundingRule.toNearestOrEven, .down, .up, .towardZero] {
                        let attempt = FixedWidthSoftmax.attempt(request, format: format, rule: rule)
                        tally.withLock { $0.0 += 1; $0.1 += attempt == nil ? 0 : 1 }
                        guard let fast = attempt else { continue }
                        #expect(fast == (try? Reference.evaluateBySeries(request, format: format, rounding: rule).values),
                                "\(function) \(row) β=\(beta) \(format) \(rule)")
                    }
                }
            }
        }
        let (attempts, decided) = tally.withLock { $0 }
        #expect(attempts >= 150 * 4 * 2 * 4)
        #expect(decided * 10 >= attempts * 9, "the fast path decided only \(decided) of \(attempts) roundings")
    }
}
