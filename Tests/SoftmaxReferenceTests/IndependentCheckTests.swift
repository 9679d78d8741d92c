import Multiprecision
import SoftmaxReference
import Testing
import SoftmaxConformance
import _SoftmaxTestSupport

/// The reference against an independent computation (``IndependentExp``: exact rationals, halving
/// and squaring) on random and adversarial rows, in every format and rounding mode.
@Suite struct IndependentCheckTests {
    static let modes: [FloatingPointRoundingRule] = [.toNearestOrEven, .down, .up, .towardZero]

    /// Rows whose entries are exact in binary16 (so the same exact row serves all four formats).
    static func rows(count: Int, seed: UInt64) -> [[FloatValue]] {
        var rng = SplitMix64(seed: SplitMix64.seed(default: seed))
        var rows: [[FloatValue]] = []
        for r in 0..<count {
            let n = [1, 2, 3, 7, 16, 50][r % 6]
            let family = r % 5
            var row: [Float16] = []
            for _ in 0..<n {
                switch family {
                case 0: row.append(Float16(Float.random(in: -8...8, using: &rng)))             // plain
                case 1: row.append(Float16(Float(Int.random(in: -3...3, using: &rng))))        // ties
                case 2:                                                                          // near-ties
                    let base = Float16(Float.random(in: -2...2, using: &rng))
                    row.append(Bool.random(using: &rng) ? base : base.nextUp)
                case 3: row.append(Float16(Float.random(in: -700...700, using: &rng)))         // huge spreads
                default: row.append(Float16(Float.random(in: -20...0, using: &rng)) * Float16(Float.random(in: 0...1, using: &rng)))
                }
            }
            rows.append(row.map(FloatValue.init))
        }
        return rows
    }

    @Test("softmax is correctly rounded in every format and mode (independent exp)")
    func softmaxAgainstIndependentExp() throws {
        var checked = 0
        for row in Self.rows(count: 120, seed: 1) {
            let exact = row.map { Rational($0.dyadic!) }
            let bounds = IndependentSoftmax.softmax(exact)
            for format in FloatFormat.all {
                for mode in Self.modes {
                    let ours = try Reference.softmax(row, format: format, rounding: mode)
                    for (i, b) in bounds.enumerated() {
                        guard let expected = IndependentSoftmax.rounded(b, format, mode) else { continue }
                        #expect(ours[i] == expected, "row \(row.map(\.hexString)) entry \(i) \(format) \(mode)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 10_000)
    }

    @Test("log-softmax, LogSumExp and sigmoid are correctly rounded (independent exp and log)")
    func logFunctionsAgainstIndependentExp() throws {
        var checked = 0
        for row in Self.rows(count: 40, seed: 2) where row.count <= 16 {
            let exact = row.map { Rational($0.dyadic!) }
            let ls = IndependentSoftmax.logSoftmax(exact)
            let lse = IndependentSoftmax.logSumExp(exact)
            for format in [FloatFormat.binary16, .binary32, .binary64] {
                for mode in Self.modes {
                    let ours = try Reference.logSoftmax(row, format: format, rounding: mode)
                    for (i, b) in ls.enumerated() {
                        guard let expected = IndependentSoftmax.rounded(b, format, mode) else { continue }
                        #expect(ours[i] == expected, "log-softmax \(row.map(\.hexString)) [\(i)] \(format) \(mode)")
                        checked += 1
                    }
                    if let expected = IndependentSoftmax.rounded(lse, format, mode) {
                        #expect(try Reference.logSumExp(row, format: format, rounding: mode) == expected)
                        checked += 1
                    }
                    let sig = try Reference.sigmoid(row, format: format, rounding: mode)
                    for (i, x) in exact.enumerated() where x.magnitude < Rational(2000) {
                        guard let expected = IndependentSoftmax.rounded(IndependentSoftmax.sigmoid(x), format, mode) else { continue }
                        #expect(sig[i] == expected, "sigmoid \(row[i].hexString) \(format) \(mode)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 2_000)
    }

    @Test("Outputs near the subnormal range of each format are correctly rounded")
    func subnormalOutputs() throws {
        // softmax([0, -d]) = [1/(1+e^-d), e^-d/(1+e^-d)]; pick d around each format's underflow.
        let cases: [(FloatFormat, [Double])] = [
            (.binary16, [9, 10, 15, 16.5, 17, 17.25, 17.5, 18]),
            (.bfloat16, [85, 87.5, 90, 92, 93]),
            (.binary32, [87, 90, 100, 103, 103.5, 104, 105]),
            (.binary64, [700, 708, 709, 720, 740, 744, 744.5, 745, 746]),
        ]
        for (format, spreads) in cases {
            for d in spreads {
                let row = [FloatValue(0.0), FloatValue(-d)]
                let bounds = IndependentSoftmax.softmax(row.map { Rational($0.dyadic!) }, bits: 1300)
                for mode in Self.modes {
                    let ours = try Reference.softmax(row, format: format, rounding: mode)
                    let expected = try #require(IndependentSoftmax.rounded(bounds[1], format, mode))
                    #expect(ours[1] == expected, "softmax([0, -\(d)]) in \(format) \(mode)")
                }
            }
        }
    }

    @Test("A long row of 1000 entries is correctly rounded")
    func longRow() throws {
        var rng = SplitMix64(seed: SplitMix64.seed(default: 3))
        let row = (0..<1000).map { _ in FloatValue(Float16(Float.random(in: -5...5, using: &rng))) }
        let bounds = IndependentSoftmax.softmax(row.map { Rational($0.dyadic!) }, bits: 200)
        let ours = try Reference.softmax(row, format: .binary64)
        var checked = 0
        for (i, b) in bounds.enumerated() {
            guard let expected = IndependentSoftmax.rounded(b, .binary64, .toNearestOrEven) else { continue }
            #expect(ours[i] == expected)
            checked += 1
        }
        #expect(checked > 990)
    }
}
