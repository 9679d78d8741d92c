@testable import Multiprecision
import Testing
import SoftmaxConformance
import _SoftmaxTestSupport

@Suite struct TextConversionTests {
    @Test("Hex strings match C99 %a spelling for known values")
    func knownHex() {
        #expect(FloatValue(1.5).hexString == "0x1.8p+0")
        #expect(FloatValue(3.0).hexString == "0x1.8p+1")
        #expect(FloatValue(1.0).hexString == "0x1p+0")
        #expect(FloatValue(-0.0).hexString == "-0x0p+0")
        #expect(FloatValue(Double.leastNonzeroMagnitude).hexString == "0x1p-1074")
        #expect(FloatValue(Float(0.1)).hexString == "0x1.99999ap-4")
        #expect(FloatValue(Double.infinity).hexString == "inf")
        #expect(FloatValue(-Double.infinity).hexString == "-inf")
        #expect(FloatValue(Double.nan).hexString == "nan")
    }

    @Test("Hex strings of random doubles read back exactly through strtod")
    func hexRoundTrip() throws {
        var rng = SplitMix64(seed: SplitMix64.seed(default: 11))
        for _ in 0..<20000 {
            let d = Double(bitPattern: rng.next())
            guard d.isFinite else { continue }
            let hex = FloatValue(d).hexString
            #expect(Double(hex) == d, "\(hex)")
            let parsed = try NumberLiteral(parsing: hex)
            #expect(FloatFormat.binary64.round(parsed, .toNearestOrEven).value == FloatValue(d))
        }
    }

    @Test("Shortest decimals have the length of Swift's shortest descriptions and read back exactly")
    func shortestDecimals() {
        var rng = SplitMix64(seed: SplitMix64.seed(default: 12))
        func significantDigits(_ s: String) -> Int {
            let mantissa = s.split(separator: "e").first.map(String.init) ?? s
            let digits = mantissa.filter(\.isNumber).drop(while: { $0 == "0" })
            return String(digits.reversed().drop(while: { $0 == "0" })).count
        }
        for _ in 0..<5000 {
            let d = Double(bitPattern: rng.next())
            guard d.isFinite, d != 0 else { continue }
            let ours = FloatValue(d).shortestDecimal
            #expect(ours == FloatValue(d).shortestDecimalBySearch, "fast path vs search for \(d)")
            #expect(Double(ours) == d, "\(ours) for \(d)")
            #expect(significantDigits(ours) == significantDigits(d.description), "\(ours) vs \(d.description)")
            let f = Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))
            guard f.isFinite, f != 0 else { continue }
            let oursF = FloatValue(f).shortestDecimal
            #expect(oursF == FloatValue(f).shortestDecimalBySearch, "fast path vs search for \(f)")
            #expect(Float(oursF) == f, "\(oursF) for \(f)")
            #expect(significantDigits(oursF) == significantDigits(f.description), "\(oursF) vs \(f.description)")
        }
        for bits in stride(from: UInt16(1), to: 0x7C00, by: 7) {
            let h = Float16(bitPattern: bits)
            let ours = FloatValue(h).shortestDecimal
            #expect(Float16(Float(ours)!) == h, "\(ours)")
            // Swift spells integer-valued Float16s in full ("4192.0"), so compare lengths only below 2048.
            if h.magnitude < 2048 {
                #expect(significantDigits(ours) == significantDigits(h.description), "\(ours) vs \(h.description)")
            }
        }
    }

    @Test("Seed 002's value prints as Python's repr does")
    func pythonRepr() {
        /// Python: repr(0.02364054302159139), repr(1e-300), repr(123.5), repr(2.4e-145)
        #expect(FloatValue(0.02364054302159139).shortestDecimal == "0.02364054302159139")
        #expect(FloatValue(1e-300).shortestDecimal == "1e-300")
        #expect(FloatValue(123.5).shortestDecimal == "123.5")
        #expect(FloatValue(2.4e-145).shortestDecimal == "2.4e-145")
        #expect(FloatValue(1e16).shortestDecimal == "1e+16")
    }

    @Test("Literals parse exactly; malformed ones are rejected with the text named")
    func literals() throws {
        #expect(try NumberLiteral(parsing: "-0.1") == .finite(Rational(-1, 10), negative: true))
        #expect(try NumberLiteral(parsing: "1e-300") == .finite(Rational(1, BigInt.power(10, 300)), negative: false))
        #expect(try NumberLiteral(parsing: "123456789012345678901234567890") == .finite(Rational(BigInt("123456789012345678901234567890")!), negative: false))
        #expect(try NumberLiteral(parsing: "0x1.8p+1") == .binary(Dyadic(3), negative: false))
        #expect(try NumberLiteral(parsing: "-0x1p-2") == .binary(Dyadic(mantissa: -1, exponent: -2), negative: true))
        #expect(try NumberLiteral(parsing: "-inf") == .infinity(negative: true))
        #expect(try NumberLiteral(parsing: "NaN") == .nan)
        #expect(try NumberLiteral(parsing: "-0") == .finite(Rational(0), negative: true))
        #expect(try NumberLiteral(parsing: " 2.5 ") == .finite(Rational(5, 2), negative: false))
        for bad in ["abc", "", "1.2.3", "1e", "e5", "--1", "0x", "1,5", "0xg"] {
            #expect(throws: NumberLiteral.SyntaxError(text: bad)) { try NumberLiteral(parsing: bad) }
        }
    }

    @Test("Huge decimal exponents are decided without building the number")
    func hugeExponents() throws {
        let huge = try NumberLiteral(parsing: "1e999999999")
        #expect(huge == .beyondRange(negative: false, huge: true))
        #expect(FloatFormat.binary32.round(huge, .toNearestOrEven).value == .infinity(.binary32))
        #expect(FloatFormat.binary32.round(huge, .towardZero).value == .greatestFinite(.binary32))
        #expect(FloatFormat.binary32.round(huge, .toNearestOrEven).overflowed)
        let tiny = try NumberLiteral(parsing: "-1e-999999999")
        #expect(FloatFormat.binary64.round(tiny, .toNearestOrEven).value == .zero(.binary64, negative: true))
        #expect(FloatFormat.binary64.round(tiny, .down).value == FloatValue(-Double.leastNonzeroMagnitude))
        let big = try NumberLiteral(parsing: "1e39")
        #expect(FloatFormat.binary32.round(big, .toNearestOrEven).overflowed)
        #expect(!FloatFormat.binary64.round(big, .toNearestOrEven).overflowed)
    }

    @Test("Correctly rounded decimal digits, including ties to even and the step up to a new power of ten")
    func decimalDigits() {
        #expect(Rational(1, 3).decimalDigits(significant: 5)?.description == "0.33333")
        #expect(Rational(1, 4).decimalDigits(significant: 1)?.description == "0.2")
        #expect(Rational(3, 4).decimalDigits(significant: 1)?.description == "0.8")
        #expect(Rational(1, 4).decimalDigits(significant: 1, nudge: .above)?.description == "0.3")
        #expect(Rational(999, 1000).decimalDigits(significant: 2)?.description == "1.0")
        #expect(Rational(-2, 3).decimalDigits(significant: 3)?.description == "-0.667")
        #expect(Rational(BigInt.power(10, 20) * 3).decimalDigits(significant: 2)?.description == "3.0e+20")
    }
}
