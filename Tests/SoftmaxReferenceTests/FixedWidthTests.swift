import Multiprecision
@testable import SoftmaxReference
import SoftmaxConformance
import Testing

/// The 128-bit fixed-point fast path against Ziv's loop on GMP (a different algorithm: series on
/// big integers): where the fast path decides, it must give the same bits; and it must decide
/// almost always, or it would not be a fast path.
@Suite struct FixedWidthTests {
    static let modes: [FloatingPointRoundingRule] = [.toNearestOrEven, .down, .up, .towardZero]

    /// Rows aimed at the fast path's edges: full-width significands, tiny entries below its
    /// 2^-114 grid, logits near ±2^12 and 2^13, far tails, subnormal outputs, and long rows.
    static func rows(seed: UInt64) -> [[Double]] {
        var rng = SplitMix64(seed: SplitMix64.seed(default: seed))
        var rows: [[Double]] = []
        for r in 0..<240 {
            let n = [2, 3, 7, 16, 100, 1000][r % 6]
            let row: [Double] = (0..<n).map { _ in
                switch r % 8 {
                case 0: Double.random(in: -10...10, using: &rng)
                case 1: Double.random(in: -800...0, using: &rng)                       // subnormal outputs
                case 2: Double.random(in: 4000...4095.99, using: &rng) * (Bool.random(using: &rng) ? 1 : -1)
                case 3: Double.random(in: -1...1, using: &rng) * Self.powerOfTwo(Int.random(in: -1000 ... -100, using: &rng))
                case 4: [-9000, -4096.5, 0, 1, 3, 1e-300][Int.random(in: 0...5, using: &rng)]
                case 5: Double.random(in: -5000...100, using: &rng)                     // far tails
                case 6 where r % 16 == 14:                                              // d near 2^13
                    Bool.random(using: &rng) ? Double.random(in: 3000...4095, using: &rng) : Double.random(in: -8191.9 ... -4000, using: &rng)
                case 6: Double(Int.random(in: -2...2, using: &rng))                     // ties, exact cases
                default: Double.random(in: -1...1, using: &rng) * Self.powerOfTwo(Int.random(in: -60...11, using: &rng))
                }
            }
            rows.append(row)
        }
        return rows
    }

    static func powerOfTwo(_ e: Int) -> Double { Double(sign: .plus, exponent: e, significand: 1) }

    @Test("the fast path agrees with the series path bit for bit, and decides almost every row")
    func agreesWithSeries() throws {
        var attempted = 0, decided = 0
        let betas = [1.0, -1.0, 0.5, 3.25, -0.1, 1e-20]
        for (r, row) in Self.rows(seed: 11).enumerated() {
            for format in FloatFormat.all {
                let x = row.map { format.round(FloatValue($0).dyadic!, .toNearestOrEven) }
                let beta = FloatValue(betas[r % betas.count])
                let mode = Self.modes[(r / 8) % 4]
                for function in [ReferenceFunction.softmax, .sigmoid] where function == .softmax || row.count <= 16 {
                    let request = try ReferenceRequest(function, input: x, beta: beta)
                    attempted += 1
                    guard let fast = FixedWidthSoftmax.attempt(request, format: format, rule: mode) else { continue }
                    decided += 1
                    let slow = try Reference.evaluateBySeries(request, format: format, rounding: mode).values
                    #expect(fast == slow, "\(function) \(row) β=\(beta) \(format) \(mode)")
                }
            }
        }
        // Undecided: |β·max x| >= 2^12, and near-uniform rows (tiny logits) in directed modes.
        #expect(decided * 10 > attempted * 8, "decided \(decided) of \(attempted)")
    }

    @Test("exp tables: e^(j/64) and e^(i/4096) are lower bounds within 2 units at 2^-125")
    func tablesAreTight() {
        let t = FixedExp.tables
        for (j, entry) in t.coarse.enumerated() {
            let exact = Exp.taylorExp(BigInt(j).shiftedLeft(by: 194), spread: 0, fixedBits: 200)
            let lower = BigInt(entry).shiftedLeft(by: 75), upper = BigInt(entry + 2).shiftedLeft(by: 75)
            #expect(lower <= exact.lower && exact.upper <= upper, "coarse \(j)")
        }
        for (i, entry) in t.fine.enumerated() {
            let exact = Exp.taylorExp(BigInt(i).shiftedLeft(by: 188), spread: 0, fixedBits: 200)
            let lower = BigInt(entry).shiftedLeft(by: 75), upper = BigInt(entry + 2).shiftedLeft(by: 75)
            #expect(lower <= exact.lower && exact.upper <= upper, "fine \(i)")
        }
    }
}
