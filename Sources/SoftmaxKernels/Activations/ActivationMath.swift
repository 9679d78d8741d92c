/// The vector building blocks of the activation kernels, on four `Double` lanes: e^x over the whole
/// range, e^x scaled away from underflow, e^x − 1 for x ≤ 0, ln(1 + y) for y in [0, 1], and exact
/// products (Dekker) for arguments that must stay exact. Error bounds are in ERROR-BOUNDS.md,
/// "Activations"; u = 2⁻⁵³.
enum ActivationMath {
    typealias V = SIMD4<Double>

    /// ln 2 = ln2Hi + ln2Lo, ln2Hi to 32 bits (k·ln2Hi is exact for |k| < 2²¹): ``VectorExp``'s split.
    static let ln2Hi = 6.931_471_803_691_238_164_90e-01
    static let ln2Lo = 1.908_214_929_270_587_700_02e-10

    /// e^(h + l), |l| ≤ ulp(h) or |l| ≤ 1e-7: +inf above 710, 0 below −760, NaN for NaN. Arguments
    /// above 350 are shifted by 600·ln 2 (exact, Sterbenz) and the result multiplied by 2⁶⁰⁰.
    @inline(__always)
    static func exp(_ h: V, _ l: V = V()) -> V {
        let big = h .> 350
        let e = VectorExp.exp(hi: h.replacing(with: h - 600 * ln2Hi, where: big),
                              lo: l.replacing(with: l - 600 * ln2Lo, where: big))
        return e.replacing(with: e * 0x1p600, where: big).replacing(with: .infinity, where: h .> 710)
    }

    /// e^(h + l) as (e, scale) with e^(h + l) = e·scale: below −600 the argument is shifted up by
    /// 600·ln 2 (exact down to −831; below, the product underflows anyway) and scale = 2⁻⁶⁰⁰, so that
    /// e stays normal and a product with it rounds once, when the caller applies the scale last.
    @inline(__always)
    static func scaledExp(_ h: V, _ l: V = V()) -> (e: V, scale: V) {
        let tiny = h .< -600
        let e = exp(h.replacing(with: h + 600 * ln2Hi, where: tiny), l.replacing(with: l + 600 * ln2Lo, where: tiny))
        return (e, V(repeating: 1).replacing(with: 0x1p-600, where: tiny))
    }

    /// e^x − 1 for x ≤ 0 (and NaN): k = round(x/ln 2), r = x − k·ln 2, e^r − 1 = r + r²·P(r) with P
    /// ``VectorExp``'s degree-11 Taylor polynomial, then 2^k·(e^r − 1) + (2^k − 1) (both terms exact to
    /// form, one rounding). Below −60 it is −1 (rounded from −1 + 2^-86). e^(±0) − 1 is +0.
    @inline(__always)
    static func expm1Negative(_ x: V) -> V {
        let xc = x.replacing(with: -60, where: x .< -60)
        let magic: Double = 6_755_399_441_055_744  // 0x1.8p52
        let t = xc * 1.442_695_040_888_963_387 + magic
        let k = t - magic
        let r = (xc - k * ln2Hi) - k * ln2Lo
        let em1 = r + (r * r) * taylor(r)
        let kBits = unsafeBitCast(t, to: SIMD4<UInt64>.self) &- magic.bitPattern
        let s = unsafeBitCast((kBits &+ 1023) &<< 52, to: V.self)
        return s * em1 + (s - 1)
    }

    /// (e^r − 1 − r)/r² to degree 11 (the Taylor coefficients 1/2! … 1/13!), by Horner's scheme.
    @inline(__always)
    static func taylor(_ r: V) -> V {
        var p = r * (1 as Double / 6_227_020_800) + (1 as Double / 479_001_600)
        p = p * r + (1 as Double / 39_916_800)
        p = p * r + (1 as Double / 3_628_800)
        p = p * r + (1 as Double / 362_880)
        p = p * r + (1 as Double / 40320)
        p = p * r + (1 as Double / 5040)
        p = p * r + (1 as Double / 720)
        p = p * r + (1 as Double / 120)
        p = p * r + (1 as Double / 24)
        p = p * r + (1 as Double / 6)
        return p * r + 0.5
    }

    /// ln(1 + y) for y in [0, 1] (and NaN): w = 1 + y rounded, its error restored as c = (y − (w − 1))/w;
    /// w = 2^e·m with m in [√½, √2), e in {0, 1}; ln m = 2·atanh(s), s = (m − 1)/(m + 1), |s| < 0.1716, by
    /// its series to s²¹ (the rest is below 10⁻¹⁸ of it).
    @inline(__always)
    static func log1p(_ y: V) -> V {
        let w = 1 + y
        let c = (y - (w - 1)) / w
        let big = w .> 1.414_213_562_373_095_1
        let m = w.replacing(with: w * 0.5, where: big)
        let e = V().replacing(with: 1, where: big)
        let s = (m - 1) / (m + 1), s2 = s * s
        var p = s2 * (2 as Double / 21) + (2 as Double / 19)
        p = p * s2 + (2 as Double / 17)
        p = p * s2 + (2 as Double / 15)
        p = p * s2 + (2 as Double / 13)
        p = p * s2 + (2 as Double / 11)
        p = p * s2 + (2 as Double / 9)
        p = p * s2 + (2 as Double / 7)
        p = p * s2 + (2 as Double / 5)
        p = p * s2 + (2 as Double / 3)
        p = p * s2 + 2
        return e * ln2Hi + ((s * p + c) + e * ln2Lo)
    }

    /// a = hi + lo with hi holding 26 bits (Veltkamp), for |a| < 2⁹⁹⁶.
    @inline(__always)
    static func split(_ a: V) -> (hi: V, lo: V) {
        let c = a * 134_217_729
        let h = c - (c - a)
        return (h, a - h)
    }

    /// a·b = p + e exactly (Dekker), for |a|, |b| < 2⁹⁹⁶ and no underflow.
    @inline(__always)
    static func twoProduct(_ a: V, _ b: V) -> (p: V, e: V) {
        let p = a * b
        let (ah, al) = split(a), (bh, bl) = split(b)
        return (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
    }

    /// a + b = s + e exactly (Knuth's TwoSum).
    @inline(__always)
    static func twoSum(_ a: V, _ b: V) -> (s: V, e: V) {
        let s = a + b, bb = s - a
        return (s, (a - (s - bb)) + (b - bb))
    }

    /// x·σ(t) for t = th + tl (|tl| ≤ ulp(th)): e = e^(−|t|) never overflows; σ = 1/(1 + e) for t > 0,
    /// e/(1 + e) otherwise; e kept scaled (``scaledExp(_:_:)``) so that x·σ rounds once into the
    /// subnormals. Infinite x is the caller's business.
    @inline(__always)
    static func timesSigmoid(_ x: V, _ th: V, _ tl: V) -> V {
        let positive = th .> 0
        let (e, scale) = scaledExp(th.replacing(with: -th, where: positive), tl.replacing(with: -tl, where: positive))
        let d = 1 + e * scale
        let numerator = e.replacing(with: 1, where: positive)
        return (x * numerator / d) * scale.replacing(with: 1, where: positive)
    }

    /// −v by its sign bit: the standard library's prefix minus on SIMD vectors is 0 − v, which gives +0 for +0.
    @inline(__always)
    static func negated(_ v: V) -> V {
        unsafeBitCast(unsafeBitCast(v, to: SIMD4<UInt64>.self) ^ 0x8000_0000_0000_0000, to: V.self)
    }

    /// The sign bit of x on |v|: v with x's sign (NaN lanes keep v's bits but for the sign).
    @inline(__always)
    static func withSign(of x: V, _ v: V) -> V {
        let sign = unsafeBitCast(x, to: SIMD4<UInt64>.self) & 0x8000_0000_0000_0000
        let magnitude = unsafeBitCast(v, to: SIMD4<UInt64>.self) & 0x7FFF_FFFF_FFFF_FFFF
        return unsafeBitCast(sign | magnitude, to: V.self)
    }
}
