import Multiprecision
import Testing
import SoftmaxConformance
import _SoftmaxTestSupport

@Suite struct FloatValueTests {
    static let modes: [FloatingPointRoundingRule] = [.toNearestOrEven, .down, .up, .towardZero]

    @Test("Every binary16 pattern converts exactly and rounds back to itself in every mode")
    func exhaustiveBinary16() {
        for bits in 0...UInt64(0xFFFF) {
            let v = FloatValue(format: .binary16, bits: bits)
            // Independent: Swift's own Float16 -> Double conversion.
            let swift = Double(Float16(bitPattern: UInt16(bits)))
            if v.isNaN { #expect(swift.isNaN); continue }
            #expect(v.double == swift || (v.double.isNaN && swift.isNaN), "pattern \(bits)")
            guard let d = v.dyadic else { continue }
            for mode in Self.modes where !v.isZero {
                #expect(FloatFormat.binary16.round(d, mode) == v, "pattern \(bits) in \(mode)")
            }
        }
    }

    @Test("Every bfloat16 pattern converts exactly and rounds back to itself in every mode")
    func exhaustiveBFloat16() {
        for bits in 0...UInt64(0xFFFF) {
            let v = FloatValue(format: .bfloat16, bits: bits)
            // Independent: bfloat16 is the top half of a binary32.
            let swift = Double(Float(bitPattern: UInt32(bits) << 16))
            if v.isNaN { #expect(swift.isNaN); continue }
            #expect(v.double == swift, "pattern \(bits)")
            guard let d = v.dyadic else { continue }
            for mode in Self.modes where !v.isZero {
                #expect(FloatFormat.bfloat16.round(d, mode) == v, "pattern \(bits) in \(mode)")
            }
        }
    }

    @Test("Halfway cases, overflow thresholds and the subnormal edge, by hand, for every format",
          arguments: FloatFormat.all)
    func boundaries(format: FloatFormat) {
        let p = format.precision
        let one = Dyadic.one
        let ulpOne = Dyadic.powerOfTwo(1 - p)
        let halfUlpOne = Dyadic.powerOfTwo(-p)
        let oneValue = format.round(one, .toNearestOrEven)
        // 1 + ulp/2 is a tie between 1 (even) and 1 + ulp (odd).
        #expect(format.round(one + halfUlpOne, .toNearestOrEven) == oneValue)
        #expect(format.round(one + halfUlpOne, .up) == oneValue.nextUp)
        #expect(format.round(one + halfUlpOne, .down) == oneValue)
        // 1 + 3·ulp/2 is a tie between 1 + ulp (odd) and 1 + 2ulp (even).
        #expect(format.round(one + ulpOne + halfUlpOne, .toNearestOrEven) == oneValue.nextUp.nextUp)
        // Just above a tie rounds up, just below rounds down.
        #expect(format.round(one + halfUlpOne, nudge: .above, .toNearestOrEven) == oneValue.nextUp)
        #expect(format.round(one + halfUlpOne, nudge: .below, .toNearestOrEven) == oneValue)
        #expect(format.round(one, nudge: .below, .down) == oneValue.nextDown)
        #expect(format.round(one, nudge: .below, .toNearestOrEven) == oneValue)
        #expect(format.round(one, nudge: .above, .up) == oneValue.nextUp)
        // Overflow: max + ulp/2 is the threshold for round-to-nearest.
        let max = format.greatestFiniteMagnitude
        let halfUlpMax = Dyadic.powerOfTwo(format.maxExponent - p)
        #expect(format.round(max + halfUlpMax, .toNearestOrEven) == .infinity(format))
        #expect(format.round(max + halfUlpMax, nudge: .below, .toNearestOrEven) == .greatestFinite(format))
        #expect(format.round(max + halfUlpMax, .towardZero) == .greatestFinite(format))
        #expect(format.round(max + halfUlpMax, .down) == .greatestFinite(format))
        #expect(format.round(max + halfUlpMax, .up) == .infinity(format))
        #expect(format.round(-(max + halfUlpMax), .up) == .greatestFinite(format, negative: true))
        #expect(format.round(-(max + halfUlpMax), .down) == .infinity(format, negative: true))
        #expect(format.round(Dyadic.powerOfTwo(100_000), .towardZero) == .greatestFinite(format))
        // Subnormal edge: half the least subnormal ties to 0 (even); 3/2 of it ties to 2 (even).
        let least = Dyadic.powerOfTwo(format.leastSubnormalExponent)
        let halfLeast = Dyadic.powerOfTwo(format.leastSubnormalExponent - 1)
        #expect(format.round(halfLeast, .toNearestOrEven) == .zero(format))
        #expect(format.round(-halfLeast, .toNearestOrEven) == .zero(format, negative: true))
        #expect(format.round(halfLeast, nudge: .above, .toNearestOrEven) == FloatValue(format: format, bits: 1))
        #expect(format.round(least + halfLeast, .toNearestOrEven) == FloatValue(format: format, bits: 2))
        #expect(format.round(Dyadic.zero, nudge: .above, .up) == FloatValue(format: format, bits: 1))
        #expect(format.round(Dyadic.zero, nudge: .above, .down) == .zero(format))
        #expect(format.round(Dyadic.zero, nudge: .below, .towardZero) == .zero(format, negative: true))
        #expect(format.round(Dyadic.powerOfTwo(-100_000), .up) == FloatValue(format: format, bits: 1))
        // The largest subnormal rounds up into the smallest normal at the boundary tie.
        let smallestNormal = Dyadic.powerOfTwo(format.minExponent)
        #expect(format.round(smallestNormal - halfLeast, .toNearestOrEven).dyadic == smallestNormal)
    }

    @Test("Rounding random rationals to binary64 and binary32 agrees with strtod and strtof")
    func agreesWithStrtod() throws {
        var rng = SplitMix64(seed: 20261123)
        for _ in 0..<3000 {
            let digits = (0..<Int.random(in: 1...30, using: &rng)).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
            let exponent = Int.random(in: -330...310, using: &rng)
            let text = "\(Bool.random(using: &rng) ? "-" : "")\(digits)e\(exponent)"
            let literal = try NumberLiteral(parsing: text)
            let d = FloatFormat.binary64.round(literal, .toNearestOrEven).value
            let f = FloatFormat.binary32.round(literal, .toNearestOrEven).value
            #expect(d == FloatValue(Double(text)!), "\(text)")
            #expect(f == FloatValue(Float(text)!), "\(text)")
        }
    }

    @Test("Directed roundings of random doubles to binary32 and binary16 bracket the value")
    func directedRoundings() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<20000 {
            let d = Double(bitPattern: rng.next())
            guard d.isFinite else { continue }
            let x = FloatValue(d).dyadic!
            // Independent: nearest from Swift's conversion, then step to the correct side.
            let f = Float(d)
            let down = Double(f) <= d ? f : f.nextDown
            let up = Double(f) >= d ? f : f.nextUp
            #expect(FloatFormat.binary32.round(x, .down) == FloatValue(down), "\(d)")
            #expect(FloatFormat.binary32.round(x, .up) == FloatValue(up), "\(d)")
            #expect(FloatFormat.binary32.round(x, .toNearestOrEven) == FloatValue(f), "\(d)")
            let h = Float16(d)
            #expect(FloatFormat.binary16.round(x, .toNearestOrEven) == FloatValue(h), "\(d)")
            let towardZero = Double(h).magnitude <= d.magnitude ? h : (d > 0 ? h.nextDown : h.nextUp)
            #expect(FloatFormat.binary16.round(x, .towardZero) == FloatValue(towardZero), "\(d)")
        }
    }
}
