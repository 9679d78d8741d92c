import Testing
import SoftmaxKernels

/// The "limit" policy, row by row, for every kernel except `naive`, in every type.
@Suite struct NonFinitePolicyTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let id: String
        let input: [Double]
        let beta: Double
        let softmax: [Double]
        let logSoftmax: [Double]
        let logSumExp: Double
        var testDescription: String { id }
    }

    static let inf = Double.infinity
    static let cases: [Case] = [
        Case(id: "−inf entries get 0", input: [0, -inf, 0], beta: 1, softmax: [0.5, 0, 0.5],
             logSoftmax: [-0.6931471805599453, -inf, -0.6931471805599453], logSumExp: 0.6931471805599453),
        Case(id: "two +inf share 1", input: [inf, 1, inf, -inf], beta: 1, softmax: [0.5, 0, 0.5, 0],
             logSoftmax: [-0.6931471805599453, -inf, -0.6931471805599453, -inf], logSumExp: inf),
        Case(id: "NaN everywhere", input: [1, .nan, 3], beta: 1, softmax: [.nan, .nan, .nan],
             logSoftmax: [.nan, .nan, .nan], logSumExp: .nan),
        Case(id: "all −inf has no limit", input: [-inf, -inf], beta: 1, softmax: [.nan, .nan],
             logSoftmax: [.nan, .nan], logSumExp: -inf),
        Case(id: "β = 0 is uniform", input: [1, 2, 3, 4], beta: 0, softmax: [0.25, 0.25, 0.25, 0.25],
             logSoftmax: [-1.3862943611198906, -1.3862943611198906, -1.3862943611198906, -1.3862943611198906],
             logSumExp: 1.3862943611198906),
        Case(id: "β = 0 with an infinity is NaN", input: [1, inf], beta: 0, softmax: [.nan, .nan],
             logSoftmax: [.nan, .nan], logSumExp: .nan),
        Case(id: "β < 0 turns −inf into the winner", input: [-inf, 0, 5], beta: -1, softmax: [1, 0, 0],
             logSoftmax: [0, -inf, -inf], logSumExp: inf),
        Case(id: "empty row", input: [], beta: 1, softmax: [], logSoftmax: [], logSumExp: -inf),
    ]

    static func same(_ a: Double, _ b: Double) -> Bool { a.isNaN ? b.isNaN : (a == b || abs(a - b) <= 4 * b.ulp) }

    @Test(arguments: cases)
    func policy(_ c: Case) {
        for a in [KernelAlgorithm.twoPass, .online, .simd] {
            let s = a.softmax(c.input, beta: c.beta)
            #expect(zip(s, c.softmax).allSatisfy(Self.same) && s.count == c.softmax.count, "\(a) softmax \(s)")
            let l = a.logSoftmax(c.input, beta: c.beta)
            #expect(zip(l, c.logSoftmax).allSatisfy(Self.same) && l.count == c.input.count, "\(a) log-softmax \(l)")
            #expect(Self.same(a.logSumExp(c.input, beta: c.beta), c.logSumExp), "\(a) LSE")
            let f = a.softmax(c.input.map(Float.init), beta: Float(c.beta)).map(Double.init)
            #expect(zip(f, c.softmax).allSatisfy { $0.isNaN ? $1.isNaN : abs($0 - $1) <= 1e-6 }, "\(a) Float \(f)")
            let h = a.softmax(c.input.map(Float16.init), beta: Float(c.beta)).map(Double.init)
            #expect(zip(h, c.softmax).allSatisfy { $0.isNaN ? $1.isNaN : abs($0 - $1) <= 1e-3 }, "\(a) Float16 \(h)")
        }
    }

    @Test("a fully masked row gives zeros with .zeros, −inf in log-softmax; LSE stays −inf")
    func maskedZeros() {
        let x: [Float] = [-.infinity, -.infinity, -.infinity]
        for a in [KernelAlgorithm.twoPass, .online, .simd] {
            #expect(a.softmax(x, fullyMaskedRow: .zeros) == [0, 0, 0])
            #expect(a.logSoftmax(x, fullyMaskedRow: .zeros) == [-.infinity, -.infinity, -.infinity])
            #expect(a.logSumExp(x) == -.infinity)
        }
    }

    @Test("sigmoid: σ(±inf) = 1, 0; NaN stays NaN; σ(0) = 1/2")
    func sigmoidEdges() {
        for a in KernelAlgorithm.allCases where a != .naive {
            let s = a.sigmoid([.infinity, -.infinity, .nan, 0] as [Double])
            #expect(s[0] == 1 && s[1] == 0 && s[2].isNaN && s[3] == 0.5, "\(a): \(s)")
        }
    }
}
