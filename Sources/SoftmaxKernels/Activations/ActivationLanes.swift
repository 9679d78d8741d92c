/// The vectorised activations: each function as a map of four `Double` lanes, run over a buffer of
/// any storage type. The methods and their error bounds are in ERROR-BOUNDS.md, "Activations".
enum ActivationLanes {
    typealias V = SIMD4<Double>
    typealias M = ActivationMath

    /// Applies `a` to n elements of x, into y (which may be x).
    static func run<S: ActivationStorage>(_ a: ResolvedActivation, _ x: UnsafePointer<S>, _ y: UnsafeMutablePointer<S>, _ n: Int) {
        let alpha = a.alpha, beta = a.beta, paired = a.pairedProduct
        typealias K = LaneMaps
        switch a.function {
        case .tanh: map(x, y, n, K.Tanh())
        case .softplus: map(x, y, n, K.Softplus(beta: beta, paired: paired))
        case .logSigmoid: map(x, y, n, K.LogSigmoid())
        case .softsign: map(x, y, n, K.Softsign())
        case .exponential: map(x, y, n, K.Exponential())
        case .elu: map(x, y, n, K.Elu(alpha: alpha))
        case .selu: map(x, y, n, K.Selu())
        case .swish, .silu: map(x, y, n, K.Swish(beta: beta, paired: paired))
        case .gelu: map(x, y, n, K.Gelu())
        case .geluTanh: map(x, y, n, K.GeluTanh())
        case .mish: map(x, y, n, K.Mish())
        case .relu: map(x, y, n, K.Relu(alpha: alpha, threshold: a.threshold, maxValue: a.maxValue))
        case .relu6: map(x, y, n, K.Relu6())
        case .leakyRelu: map(x, y, n, K.LeakyRelu(alpha: alpha))
        case .hardSigmoid: map(x, y, n, K.HardSigmoid())
        case .hardSwish: map(x, y, n, K.HardSwish())
        case .linear: if UnsafePointer(y) != x { y.update(from: x, count: n) }
        }
    }

    @inline(__always)
    static func map<S: ActivationStorage, F: LaneMap>(_ x: UnsafePointer<S>, _ y: UnsafeMutablePointer<S>, _ n: Int, _ f: F) {
        var i = 0
        while i &+ 4 <= n {
            S.store4(f(S.load4(x + i)), y + i)
            i &+= 4
        }
        guard i < n else { return }
        var v = V()
        for j in 0..<(n - i) { v[j] = Double(x[i + j]) }
        let r = f(v)
        for j in 0..<(n - i) { y[i + j] = S.rounded(r[j]) }
    }

    /// |x| by its bits (−0 gives +0, NaN stays NaN).
    @inline(__always)
    static func magnitude(_ x: V) -> V {
        unsafeBitCast(unsafeBitCast(x, to: SIMD4<UInt64>.self) & 0x7FFF_FFFF_FFFF_FFFF, to: V.self)
    }

    /// β·x as th + tl: exact in Double for Float and Float16 storage, a Dekker pair when `paired`.
    @inline(__always)
    static func product(_ x: V, beta: Double, paired: Bool) -> (V, V) {
        if beta == 1 { return (x, V()) }
        if !paired { return (x * beta, V()) }
        let limit = V(repeating: 0x1p900)
        let clamped = x.replacing(with: limit, where: x .> limit).replacing(with: -limit, where: x .< -limit)
        let (p, e) = M.twoProduct(V(repeating: beta), clamped)
        return (p, e.replacing(with: 0, where: clamped .!= x))
    }

    /// tanh|x| = −m/(2 + m), m = e^(−2|x|) − 1, with x's sign.
    @inline(__always)
    static func tanh(_ x: V) -> V {
        let m = M.expm1Negative(-2 * magnitude(x))
        return M.withSign(of: x, -m / (2 + m))
    }

    /// (max(t, 0) + ln(1 + e^(−|t|)))/β with t = β·x exact; x itself once t > 2⁶⁰.
    @inline(__always)
    static func softplus(_ x: V, beta: Double, paired: Bool) -> V {
        let (th, tl) = product(x, beta: beta, paired: paired)
        let positive = th .> 0
        let l = M.log1p(M.exp(-magnitude(th), tl.replacing(with: -tl, where: positive)))
        var r = l.replacing(with: th + (tl + l), where: positive)
        if beta != 1 { r /= beta }
        return r.replacing(with: x, where: th .> 0x1p60)
    }

    /// −softplus(−x) = min(x, 0) − ln(1 + e^(−|x|)).
    @inline(__always)
    static func logSigmoid(_ x: V) -> V {
        let l = M.log1p(M.exp(-magnitude(x)))
        return M.negated(l).replacing(with: x - l, where: x .< 0)
    }

    /// x/(1 + |x|); ±1 at ±inf.
    @inline(__always)
    static func softsign(_ x: V) -> V {
        let a = magnitude(x)
        return (x / (1 + a)).replacing(with: M.withSign(of: x, V(repeating: 1)), where: a .== .infinity)
    }

    /// x for x > 0, α·(e^x − 1) otherwise (+0 for α = 0); at −0, −0 when α > 0 (the sign of f beside it).
    @inline(__always)
    static func elu(_ x: V, alpha: Double) -> V {
        let negative = alpha == 0 ? V().replacing(with: x, where: x .!= x) : alpha * M.expm1Negative(x)
        return negative.replacing(with: x, where: x .> 0).replacing(with: alpha > 0 ? x : V(), where: x .== 0)
    }

    /// λ·x for x > 0 (λ as a pair), λα·(e^x − 1) otherwise (λα as a pair).
    @inline(__always)
    static func selu(_ x: V) -> V {
        let lh = 1.050_700_987_355_480_5, ll = 3.987_484_766_715_414_4e-17
        let lah = 1.758_099_340_847_376_8, lal = 1.415_351_938_008_45e-17
        let m = M.expm1Negative(x)
        let negative = lah * m + lal * m
        let safe = x.replacing(with: 0, where: .!(magnitude(x) .< 0x1p900))
        let (p, e) = M.twoProduct(V(repeating: lh), safe)
        let positive = (p + (e + ll * safe)).replacing(with: lh * x, where: safe .!= x)
        return negative.replacing(with: positive, where: x .> 0).replacing(with: lah * x, where: x .== 0)
    }

    /// x·σ(β·x) with β·x exact; at ±inf the limit (x where σ tends to 1 or β = 0, a zero of x's sign
    /// where it tends to 0).
    @inline(__always)
    static func swish(_ x: V, beta: Double, paired: Bool) -> V {
        let (th, tl) = product(x, beta: beta, paired: paired)
        let r = M.timesSigmoid(x, th, tl)
        let keeps = beta == 0 ? x .== x : (beta > 0 ? x .> 0 : x .< 0)
        let limit = M.withSign(of: x, V()).replacing(with: x, where: keeps)
        return r.replacing(with: limit, where: magnitude(x) .== .infinity)
    }

    /// x·σ(2v), v = √(2/π)·x·(1 + 0.044715·x²) in double-double (x clamped to ±10⁶, where σ is
    /// already 0 or 1): 1 + tanh(v) = 2σ(2v) has no cancellation.
    @inline(__always)
    static func geluTanh(_ x: V) -> V {
        let limit = V(repeating: 1e6)
        let xc = x.replacing(with: limit, where: x .> limit).replacing(with: -limit, where: x .< -limit)
        let (qh, ql) = M.twoProduct(xc, xc)
        let kh = 0.044_715, kl = 2.196_021_142_708_559_5e-18
        var (ah, al) = M.twoProduct(V(repeating: kh), qh)
        al += kh * ql + kl * qh
        var (sh, sl) = M.twoSum(V(repeating: 1), ah)
        sl += al
        var (bh, bl) = M.twoProduct(xc, sh)
        bl += xc * sl
        let ch = 1.595_769_121_605_730_8, cl = -9.969_308_809_110_92e-17
        var (vh, vl) = M.twoProduct(V(repeating: ch), bh)
        vl += ch * bl + cl * bh
        (vh, vl) = M.twoSum(vh, vl)
        let r = M.timesSigmoid(x, vh, vl)
        let limitValue = M.withSign(of: x, V()).replacing(with: x, where: x .> 0)
        return r.replacing(with: limitValue, where: magnitude(x) .== .infinity)
    }

    /// x·n/(n + 2) with n = e(e + 2), e = e^x: tanh(ln(1 + e)) = ((1 + e)² − 1)/((1 + e)² + 1). x above
    /// 20, where it rounds to x in every storage type; −0 at −inf.
    @inline(__always)
    static func mish(_ x: V) -> V {
        let (e, scale) = M.scaledExp(x.replacing(with: 0, where: x .> 20))
        let n = e * (e * scale + 2)
        let r = (x * n / (n * scale + 2)) * scale
        return r.replacing(with: x, where: x .> 20).replacing(with: -0.0, where: x .== -.infinity)
    }
}
