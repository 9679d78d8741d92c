/// binary16 ⇄ binary64 conversions in integer lanes, for CPUs where the conversions are library
/// calls (x86-64 without F16C, the default target): exact widening, and narrowing rounded once to
/// nearest-even with overflow to ±inf, subnormals and NaN, as `Float16(Double)` does.
enum HalfBits {
    typealias V = SIMD4<Double>
    typealias U = SIMD4<UInt64>

    /// The doubles whose binary16 bit patterns are the low 16 bits of each lane.
    @inline(__always)
    static func widen(_ h: U) -> V {
        let sign = (h & 0x8000) &<< 48
        let exponent = (h &>> 10) & 0x1F, fraction = h & 0x3FF
        // A finite value is (fraction, with the implicit bit when normal) × 2^(max(E, 1) − 25): an
        // integer below 2¹¹ times a power of two, exact in Double.
        let normal = exponent .!= 0
        let significand = fraction | U(repeating: 0x400).replacing(with: 0, where: .!normal)
        let scaleExponent = exponent.replacing(with: 1, where: .!normal) &+ (1023 - 25)
        let si = SIMD4<Int64>(truncatingIfNeeded: significand)  // below 2¹¹: the signed conversion is the cheap one
        let magnitude = V(Double(si[0]), Double(si[1]), Double(si[2]), Double(si[3]))
            * unsafeBitCast(scaleExponent &<< 52, to: V.self)
        let special = unsafeBitCast(U(repeating: 0x7FF0_0000_0000_0000) | (fraction &<< 42), to: V.self)
        let value = magnitude.replacing(with: special, where: exponent .== 0x1F)
        return unsafeBitCast(unsafeBitCast(value, to: U.self) | sign, to: V.self)
    }

    /// The binary16 bit patterns (in the low 16 bits) of v rounded to nearest-even; NaN keeps its top
    /// fraction bits, quieted.
    @inline(__always)
    static func narrow(_ v: V) -> U {
        let bits = unsafeBitCast(v, to: U.self)
        let sign = (bits &>> 48) & 0x8000
        let a = unsafeBitCast(bits & 0x7FFF_FFFF_FFFF_FFFF, to: V.self)
        // Round |v| to a multiple of its binary16 quantum q = 2^(max(e, −14) − 10) by adding and
        // subtracting C = 2^52·q: C + |v| has ulp q (|v| < 2^(e+1) ≪ C) and rounds to nearest-even once.
        let e = (bits &>> 52) & 0x7FF
        let quantumExponent = e.replacing(with: 1023 - 14, where: e .< 1023 - 14) &+ 42
        let c = unsafeBitCast(quantumExponent &<< 52, to: V.self)
        let r = (a + c) - c
        // r is a binary16 value (or 2^16 and above: overflow): its fields from r's exponent and top
        // fraction bits when normal, r·2²⁴ when subnormal.
        let rb = unsafeBitCast(r, to: U.self)
        let normalBits = ((rb &>> 42) & 0x3FF) | ((((rb &>> 52) & 0x7FF) &- (1023 - 15)) &<< 10)
        let subnormal = r .< 0x1p-14
        let s = (r * 0x1p24).replacing(with: 0, where: .!subnormal)  // below 2¹⁰: converts without trapping
        let subnormalBits = U(truncatingIfNeeded: SIMD4<Int64>(Int64(s[0]), Int64(s[1]), Int64(s[2]), Int64(s[3])))
        var h = normalBits.replacing(with: subnormalBits, where: subnormal)
        h = h.replacing(with: 0x7C00, where: a .>= 65520)  // the midpoint of 65504 and 2^16 rounds to even: inf
        h = h.replacing(with: 0x7E00 | ((bits &>> 42) & 0x3FF), where: a .!= a)
        return h | sign
    }
}
