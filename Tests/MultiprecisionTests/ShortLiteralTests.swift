import Multiprecision
import SoftmaxConformance
import Testing

/// The allocation-free literal path against NumberLiteral (exact rationals on GMP): same value,
/// same inexact flag, on random decimals and hex floats in every format, including halfway
/// cases, subnormals and near-overflow; and it declines what it does not cover.
@Suite struct ShortLiteralTests {
    static func general(_ text: String, _ format: FloatFormat) -> (FloatValue, Bool) {
        let r = format.round(try! NumberLiteral(parsing: text), .toNearestOrEven)
        return (r.value, r.inexact)
    }

    @Test("random decimals and hex floats round as NumberLiteral does")
    func agreesWithNumberLiteral() {
        var rng = SplitMix64(seed: SplitMix64.seed(default: 5))
        var compared = 0
        for i in 0..<20_000 {
            let digits = String(UInt64.random(in: 0...UInt64.max, using: &rng) % [10, 1000, 100_000_000, 9_999_999_999_999_999_999][i % 4])
            let sign = ["", "-", "+"][i % 3]
            let text: String
            switch i % 5 {
            case 0: text = sign + digits + "e" + String(Int.random(in: -60...40, using: &rng))
            case 1: text = sign + "0." + digits
            case 2: text = sign + digits.prefix(3) + "." + digits.dropFirst(3) + "E-" + String(Int.random(in: 0...20, using: &rng))
            case 3:
                let hex = String(UInt64.random(in: 0...UInt64.max, using: &rng) >> UInt64.random(in: 0...63, using: &rng), radix: 16)
                text = sign + "0x" + hex.prefix(1) + "." + hex.dropFirst() + "p" + String(Int.random(in: -1100...1100, using: &rng))
            default:
                // Halfway between two binary16 values, and values near the top of each format.
                text = ["1.00048828125", "0.000030517578125", "65520", "65519.99", "3.4028235e38", "1.7976931348623157e308",
                        "5e-324", "2.4703282292062328e-324", "0x1.0000000000001p-1074", "0x1.ffep+15"][i % 10 / 1]
            }
            for format in FloatFormat.all {
                guard let short = format.roundedToNearest(shortLiteral: text) else { continue }
                let (value, inexact) = Self.general(text, format)
                #expect(short.value == value && short.inexact == inexact, "\(text) in \(format)")
                compared += 1
            }
        }
        #expect(compared > 50_000)
    }

    @Test("long, spaced, special and overflowing literals are left to NumberLiteral")
    func declines() {
        for text in ["12345678901234567890", "1e-300", " 1", "inf", "nan", "0x1", "0x1.00000000000000001p0", "1e999", "abc", "", "1e5x"] {
            #expect(FloatFormat.binary64.roundedToNearest(shortLiteral: text) == nil, "\(text)")
        }
        #expect(FloatFormat.binary16.roundedToNearest(shortLiteral: "70000") == nil)
    }
}
