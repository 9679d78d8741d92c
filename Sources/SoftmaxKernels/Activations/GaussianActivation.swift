/// gelu(x) = x·Φ(x) = x·erfc(z)/2 with z = −x/√2, lane by lane through the C library's erfc.
///
/// z is carried as a pair zh + zl (Dekker), and erfc(zh + zl) = erfc(zh) − zl·(2/√π)·e^(−zh²) to
/// first order, so the rounding of x/√2 (whose effect grows as 2z²) costs nothing. Below −36.5,
/// where Φ(x) nears the subnormals, gelu(x) = −φ(x)·Σ(−1)ⁿ(2n − 1)!!/x²ⁿ (DLMF 7.12.1, enveloping:
/// the error is below the first omitted term, 2·10⁻¹⁹ relative), with e^(−x²/2) from the exact pair
/// x² and scaled so that the product rounds once.
enum GaussianActivation {
    typealias V = SIMD4<Double>

    @inline(__always)
    static func gelu(_ x: V) -> V {
        V(gelu(x[0]), gelu(x[1]), gelu(x[2]), gelu(x[3]))
    }

    static func gelu(_ x: Double) -> Double {
        if x.isNaN || x == .infinity { return x }
        if x == -.infinity { return -0.0 }
        if x > 40 { return x }
        if x < -36.5 { return tail(x) }
        let rh = 0.707_106_781_186_547_6, rl = -4.833_646_656_726_457e-17
        let (p, e) = ActivationMath.twoProduct(V(repeating: -x), V(repeating: rh))
        let zh = p[0], zl = e[0] - x * rl
        let twoOverRootPi = 1.128_379_167_095_512_6
        let erfcZ = Double.cErfc(zh) - zl * twoOverRootPi * Double.cExp(-zh * zh)
        return x * (erfcZ * 0.5)
    }

    /// −φ(x)·S(1/x²) for x < −36.5: φ(x) = e^(−x²/2)/√(2π), S the asymptotic series to 135135/x¹⁴.
    static func tail(_ x: Double) -> Double {
        if x < -40 { return -0.0 }  // |gelu| < 40·e^(−800) rounds to −0
        let (qh, ql) = ActivationMath.twoProduct(V(repeating: x), V(repeating: x))
        let (e, scale) = ActivationMath.scaledExp(-0.5 * qh, -0.5 * ql)
        let w = 1 / (x * x)
        var s = -135_135 * w + 10395
        s = s * w - 945
        s = s * w + 105
        s = s * w - 15
        s = s * w + 3
        s = s * w - 1
        s = s * w + 1
        let invRootTwoPi = 0.398_942_280_401_432_7
        return -(e[0] * invRootTwoPi * s) * scale[0]
    }
}
