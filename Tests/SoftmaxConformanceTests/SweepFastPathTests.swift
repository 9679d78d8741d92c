import Multiprecision
import SoftmaxConformance
import SoftmaxReference
import Testing

/// The fast path against GMP: DoubleRounding against the Dyadic rounding of Multiprecision, and
/// sigmoid and e^x on every binary16 and bfloat16 input against the reference in three directions.
@Suite struct SweepFastPathTests {
    static let rules: [FloatingPointRoundingRule] = [.toNearestOrEven, .down, .up, .towardZero]

    @Test("DoubleRounding agrees with the exact rounding of Multiprecision on random binary64 values",
          arguments: [FloatFormat.binary16, .bfloat16, .binary32])
    func doubleRounding(format: FloatFormat) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Magnitudes from 2^-160 to 2^140 (subnormals, normals, overflow), both signs.
            let exponent = Int(state >> 55) % 300 - 160
            let d = Double(sign: state & 1 == 0 ? .plus : .minus, exponent: exponent, significand: 1 + Double(state >> 12 & 0xF_FFFF_FFFF) / 0x1p36)
            for rule in Self.rules {
                let exact = format.round(FloatValue(d).dyadic!, rule)
                #expect(DoubleRounding.round(d, format, rule) == exact, "\(d) \(rule)")
                // A one-point enclosure of a positive value decides every direction as rounding does.
                if d > 0, let decided = DoubleRounding.decide(lo: d, hi: d, format: format) {
                    #expect(decided.value(rule) == exact, "decide \(d) \(rule)")
                }
            }
        }
    }

    @Test("the fast path's sigmoid and e^x equal the reference's on every binary16 and bfloat16 input",
          arguments: [("sigmoid", FloatFormat.binary16), ("sigmoid", .bfloat16), ("exponential", .binary16), ("exponential", .bfloat16)])
    func everyInput(function: String, format: FloatFormat) throws {
        // The reference swept in every direction is judged against the fast path's values: every
        // output the fast path decides must be the reference's, so all are correctly rounded.
        let settings = try SweepSettings(function: try SweepFunction(function), format: format, roundings: Self.rules,
                                         subject: .reference, profile: .strict, profileName: "strict", shard: .whole)
        let runner = SweepRunner(settings: settings, threads: 2)
        let reports = try runner.reports(try runner.run(from: runner.initialState))
        for report in reports {
            #expect(report.inputs == 65536)
            #expect(report.correctlyRounded == 65536)
            #expect(report.maxUlp <= 0.5 || report.worst.allSatisfy { $0.output == $0.expected })
        }
    }

    @Test("e^x past the overflow threshold is decided: +inf to nearest and up, the largest finite value down")
    func hugeExponential() {
        for x in [Float(89), 700, 1e30, .greatestFiniteMagnitude] {
            let r = FastPath.roundings("exponential", FloatValue(x))
            #expect(r?.nearest == .infinity(.binary32) && r?.up == .infinity(.binary32), "\(x)")
            #expect(r?.down == .greatestFinite(.binary32) && r?.towardZero == .greatestFinite(.binary32), "\(x)")
        }
    }

    @Test("inputs the fast path declines are few: σ(0) = 1/2 and e^0 = 1 are exact, so declined")
    func declines() {
        #expect(FastPath.roundings("sigmoid", .zero(.binary16)) == nil)
        #expect(FastPath.roundings("sigmoid", FloatValue(Float16(1))) != nil)
        var declined = 0
        for bits in 0..<UInt64(1 << 16) where FastPath.roundings("sigmoid", FloatValue(format: .binary16, bits: bits)) == nil { declined += 1 }
        // ±0, ±inf and 2·1023 NaNs are left to the reference; a few finite inputs may be too.
        #expect(declined >= 2 + 2 + 2046 && declined < 2 + 2 + 2046 + 64)
    }
}
