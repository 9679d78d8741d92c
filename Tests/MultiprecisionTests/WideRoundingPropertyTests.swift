import Multiprecision
import PropertyBased
import Testing

/// Property tests (swift-property-based: random inputs, shrunk counterexamples) of the
/// allocation-free rounding against the GMP rounding of the same dyadic.
@Suite struct WideRoundingPropertyTests {
    static let modes: [FloatingPointRoundingRule] = [.toNearestOrEven, .down, .up, .towardZero]

    @Test("roundPositive(m, e) equals rounding the Dyadic m·2^e, in every format and mode")
    func agreesWithDyadicRounding() async {
        // Mantissas of every width (the shift), exponents from below every subnormal to overflow.
        await propertyCheck(count: 3000, input: Gen.uint128(in: 1...UInt128.max), Gen.int(in: 0...127), Gen.int(in: -1300...1100)) { m, shift, e in
            let mantissa = max(m >> UInt128(shift), 1)
            let exact = Dyadic(mantissa: BigInt(mantissa), exponent: e)
            for format in FloatFormat.all {
                for rule in Self.modes {
                    #expect(format.roundPositive(mantissa: mantissa, exponent: e, rule) == format.round(exact, rule),
                            "\(mantissa)·2^\(e) in \(format) \(rule)")
                }
            }
        }
    }

    @Test("shortest decimals read back through the machine-word literal path to the same value")
    func shortestDecimalsRoundTrip() async {
        await propertyCheck(count: 3000, input: Gen.uint64(in: 0...UInt64.max)) { bits in
            for format in FloatFormat.all {
                let value = FloatValue(format: format, bits: bits >> UInt64(64 - format.bitWidth))
                guard value.isFinite, !value.isZero else { continue }
                let text = value.shortestDecimal
                let back = format.roundedToNearest(shortLiteral: text)?.value
                    ?? format.round(try! NumberLiteral(parsing: text), .toNearestOrEven).value
                #expect(back == value, "\(text) in \(format)")
            }
        }
    }
}
