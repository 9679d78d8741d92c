/// Storage that loads and stores as `SIMD8<Float>`: `Float` itself, and `Float16` (converted on load,
/// rounded once on store).
protocol FloatLaneStorage: KernelStorage where Accumulator == Float {
    static func load8(_ p: UnsafePointer<Self>) -> SIMD8<Float>
    static func store8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Self>)
    /// True when e^(t − max) may wait in the output between passes without rounding (`Float`).
    static var holdsExponentials: Bool { get }
}

extension Float: FloatLaneStorage {
    @inline(__always) static func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }
    @inline(__always) static func store8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
    }
    static var holdsExponentials: Bool { true }
}

extension Float16: FloatLaneStorage {
    @inline(__always) static func load8(_ p: UnsafePointer<Float16>) -> SIMD8<Float> {
        SIMD8<Float>(UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float16>.self))
    }
    @inline(__always) static func store8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float16>) {
        UnsafeMutableRawPointer(p).storeBytes(of: SIMD8<Float16>(v), as: SIMD8<Float16>.self)
    }
    static var holdsExponentials: Bool { false }
}

/// β = 1: x − m as a TwoSum pair (exact).
struct FloatUnitDifference: LaneDifference {
    let pivot: SIMD8<Float>
    @inline(__always) func callAsFunction(_ v: SIMD8<Float>) -> (hi: SIMD8<Float>, lo: SIMD8<Float>) {
        let s = v - pivot
        let bb = s - v
        return (s, (v - (s - bb)) - (pivot + bb))
    }
}

/// β ≠ 1: β·(x − m) in `Double` (relative error ≤ 2⁻⁵², far below a `Float` ulp), split into two floats.
struct FloatScaledDifference: LaneDifference {
    let pivot: Double
    let beta: Double
    @inline(__always) func callAsFunction(_ v: SIMD8<Float>) -> (hi: SIMD8<Float>, lo: SIMD8<Float>) {
        let d0 = (SIMD4<Double>(v.lowHalf) - pivot) * beta
        let d1 = (SIMD4<Double>(v.highHalf) - pivot) * beta
        let h0 = SIMD4<Float>(d0), h1 = SIMD4<Float>(d1)
        let l0 = SIMD4<Float>(d0 - SIMD4<Double>(h0)), l1 = SIMD4<Float>(d1 - SIMD4<Double>(h1))
        return (SIMD8(lowHalf: h0, highHalf: h1), SIMD8(lowHalf: l0, highHalf: l1))
    }
}

/// The `simd` kernels for `Float` and `Float16` storage: `SIMD8<Float>` lanes, sums in `Double`.
///
/// Softmax: a pivot pass (max and a NaN probe), an exp-and-sum pass, a scaling pass in `Double`.
/// `Float` rows of up to ``heldRowLimit`` elements keep e^(t − max) in the output between the last two
/// passes (it stays in cache); longer rows, and `Float16`, recompute it instead, which reads less memory.
enum FloatLanes<F: FloatLaneStorage>: SIMDKernels {
    typealias Element = F
    typealias V = SIMD8<Float>

    /// The longest `Float` row whose exponentials are held in the output between passes (256 KiB).
    static var heldRowLimit: Int { 65536 }

    @inline(__always)
    static func load(_ x: UnsafePointer<F>, _ i: Int, _ n: Int, fill: Float) -> V {
        if i &+ 8 <= n { return F.load8(x + i) }
        var v = V(repeating: fill)
        for j in 0..<(n - i) { v[j] = Float(x[i + j]) }
        return v
    }

    @inline(__always)
    static func store(_ v: V, _ y: UnsafeMutablePointer<F>, _ i: Int, _ n: Int) {
        if i &+ 8 <= n { F.store8(v, y + i); return }
        for j in 0..<(n - i) { y[i + j] = F(v[j]) }
    }

    @inline(__always)
    static func widen(_ v: V) -> (SIMD4<Double>, SIMD4<Double>) {
        (SIMD4<Double>(v.lowHalf), SIMD4<Double>(v.highHalf))
    }

    @inline(__always)
    static func narrow(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> V {
        V(lowHalf: SIMD4<Float>(a), highHalf: SIMD4<Float>(b))
    }

    /// The entry where β·x is largest (max for β ≥ 0, min for β < 0), and whether the row is free of
    /// NaN (a NaN or +inf + −inf in the lane sums sends the row to the scalar path).
    @inline(__always)
    static func pivot(_ x: UnsafePointer<F>, _ n: Int, largest: Bool) -> (value: Float, clean: Bool) {
        var best = V(repeating: largest ? -.infinity : .infinity), probe = V(repeating: 0)
        var i = 0
        while i &+ 8 <= n {
            let v = F.load8(x + i)
            // A compare and blend: the standard library's pointwiseMax is not inlined and costs 5× more.
            best = best.replacing(with: v, where: largest ? v .> best : v .< best)
            probe += v * 0  // NaN exactly when some entry is infinite or NaN (a plain sum could overflow)
            i &+= 8
        }
        var m = largest ? best.max() : best.min()
        var p = probe.sum()
        while i < n {
            let v = Float(x[i])
            m = largest ? Swift.max(m, v) : Swift.min(m, v)
            p += v
            i &+= 1
        }
        return (m, !p.isNaN)
    }

    /// Σ e^(t_i − t_max) in `Double`; with `offMax`, also the sum over entries with t_i ≠ t_max and the
    /// count of those with t_i = t_max (for log1p). Writes the exponentials to `hold` if given.
    @inline(__always)
    static func expSum<D: LaneDifference<V>>(_ x: UnsafePointer<F>, _ n: Int, _ diff: D, fill: Float,
                                             hold: UnsafeMutablePointer<F>?, offMax: Bool)
        -> (sum: Double, off: Double, atMax: Double)
    {
        var acc = SIMD4<Double>(repeating: 0), off = SIMD4<Double>(repeating: 0), count = V(repeating: 0)
        var i = 0
        while i < n {
            let (hi, lo) = diff(load(x, i, n, fill: fill))
            let e = VectorExp.exp(hi: hi, lo: lo)
            if let hold { store(e, hold, i, n) }
            let (a, b) = widen(e)
            acc += a + b
            if offMax {
                let top = hi .== 0
                let (c, d) = widen(e.replacing(with: 0, where: top))
                off += c + d
                count += V(repeating: 0).replacing(with: 1, where: top)
            }
            i &+= 8
        }
        return (acc.sum(), off.sum(), Double(count.sum()))
    }

    static func softmax(_ x: UnsafePointer<F>, _ y: UnsafeMutablePointer<F>, _ n: Int,
                        beta: Float, masked: FullyMaskedRow) {
        let (m, clean) = pivot(x, n, largest: beta >= 0)
        guard n > 0, m.isFinite, clean, beta != 0 else {
            return DoubleFallbackRow.softmax(x, y, n, beta: beta, masked: masked)
        }
        let fill: Float = beta > 0 ? -.infinity : .infinity
        if beta == 1 {
            softmaxBody(x, y, n, FloatUnitDifference(pivot: V(repeating: m)), fill: fill)
        } else {
            softmaxBody(x, y, n, FloatScaledDifference(pivot: Double(m), beta: Double(beta)), fill: fill)
        }
    }

    @inline(__always)
    static func softmaxBody<D: LaneDifference<V>>(_ x: UnsafePointer<F>, _ y: UnsafeMutablePointer<F>, _ n: Int,
                                                  _ diff: D, fill: Float) {
        let held = F.holdsExponentials && n <= heldRowLimit
        let inverse = 1 / expSum(x, n, diff, fill: fill, hold: held ? y : nil, offMax: false).sum
        var i = 0
        while i < n {
            let e: V
            if held {
                e = load(UnsafePointer(y), i, n, fill: 0)
            } else {
                let (hi, lo) = diff(load(x, i, n, fill: fill))
                e = VectorExp.exp(hi: hi, lo: lo)
            }
            let (a, b) = widen(e)
            store(narrow(a * inverse, b * inverse), y, i, n)
            i &+= 8
        }
    }

    static func logSoftmax(_ x: UnsafePointer<F>, _ y: UnsafeMutablePointer<F>, _ n: Int,
                           beta: Float, masked: FullyMaskedRow) {
        let (m, clean) = pivot(x, n, largest: beta >= 0)
        guard n > 0, m.isFinite, clean, beta != 0 else {
            return DoubleFallbackRow.logSoftmax(x, y, n, beta: beta, masked: masked)
        }
        let fill: Float = beta > 0 ? -.infinity : .infinity
        if beta == 1 {
            logSoftmaxBody(x, y, n, FloatUnitDifference(pivot: V(repeating: m)), fill: fill, pivot: m, beta: beta)
        } else {
            logSoftmaxBody(x, y, n, FloatScaledDifference(pivot: Double(m), beta: Double(beta)), fill: fill, pivot: m, beta: beta)
        }
    }

    /// ln Σ e^(t_i − t_max) as log1p of the mass off the maxima. When that mass is below 2⁻¹⁰⁰ its terms
    /// may be `Float` subnormals, so it is summed again in `Double` (a row with one dominant logit).
    @inline(__always)
    static func logSum<D: LaneDifference<V>>(_ x: UnsafePointer<F>, _ n: Int, _ diff: D, fill: Float,
                                             pivot: Float, beta: Float) -> Double {
        let s = expSum(x, n, diff, fill: fill, hold: nil, offMax: true)
        let off = s.off + (s.atMax - 1)
        return off < 0x1p-100 ? wideLogSum(x, n, pivot: pivot, beta: beta) : Double.cLogOnePlus(off)
    }

    /// ln Σ e^(t_i − t_max) from `Double` exps of the exact differences, compensated: log1p of the mass
    /// off the maxima, the entries at the maximum counted here.
    static func wideLogSum(_ x: UnsafePointer<F>, _ n: Int, pivot: Float, beta: Float) -> Double {
        var sum = CompensatedSum(), atMax = 0
        for i in 0..<n {
            let d = DoubleFallbackRow<F>.difference(x[i], pivot: Double(pivot), beta: Double(beta))
            if d.hi == 0 { atMax += 1 } else { sum.add(DoubleFallbackRow<F>.exp(d)) }
        }
        return Double.cLogOnePlus(sum.value + Double(atMax - 1))
    }

    @inline(__always)
    static func logSoftmaxBody<D: LaneDifference<V>>(_ x: UnsafePointer<F>, _ y: UnsafeMutablePointer<F>, _ n: Int,
                                                     _ diff: D, fill: Float, pivot: Float, beta: Float) {
        let l = logSum(x, n, diff, fill: fill, pivot: pivot, beta: beta)
        var i = 0
        while i < n {
            let (hi, lo) = diff(load(x, i, n, fill: fill))
            let (h0, h1) = widen(hi)
            let (l0, l1) = widen(lo.replacing(with: 0, where: hi .== -.infinity))
            store(narrow((h0 - l) + l0, (h1 - l) + l1), y, i, n)
            i &+= 8
        }
    }

    static func logSumExp(_ x: UnsafePointer<F>, _ n: Int, beta: Float) -> F {
        let (m, clean) = pivot(x, n, largest: beta >= 0)
        guard n > 0, m.isFinite, clean, beta != 0 else { return DoubleFallbackRow.logSumExp(x, n, beta: beta) }
        let fill: Float = beta > 0 ? -.infinity : .infinity
        let l = beta == 1
            ? logSum(x, n, FloatUnitDifference(pivot: V(repeating: m)), fill: fill, pivot: m, beta: beta)
            : logSum(x, n, FloatScaledDifference(pivot: Double(m), beta: Double(beta)), fill: fill, pivot: m, beta: beta)
        let top = Double(beta) * Double(m)  // exact: a product of two floats
        let lse = top + l
        // Where β·max and ln Σ nearly cancel, the Float exps' 2⁻²⁴ in Σ would be many ulps of the result:
        // Σ is summed again from Double exps, which leaves room for 2²⁵ of cancellation.
        return F(abs(lse) < abs(top) / 8 ? top + wideLogSum(x, n, pivot: m, beta: beta) : lse)
    }

    static func sigmoid(_ x: UnsafePointer<F>, _ y: UnsafeMutablePointer<F>, _ n: Int, beta: Float) {
        let b = Double(beta)
        var i = 0
        while i < n {
            let v = load(x, i, n, fill: 0)
            var hi = v, lo = V(repeating: 0)
            if beta != 1 {
                let (d0, d1) = widen(v)
                let (p0, p1) = (d0 * b, d1 * b)
                hi = narrow(p0, p1)
                let (q0, q1) = widen(hi)
                lo = narrow(p0 - q0, p1 - q1)
            }
            // e = e^(−|t|) never overflows; σ = 1/(1 + e) for t > 0, e/(1 + e) otherwise.
            let positive = hi .> 0
            let e = VectorExp.exp(hi: hi.replacing(with: -hi, where: positive), lo: lo.replacing(with: -lo, where: positive))
            let (e0, e1) = widen(e)
            let (n0, n1) = widen(e.replacing(with: 1, where: positive))
            store(narrow(n0 / (1 + e0), n1 / (1 + e1)), y, i, n)
            i &+= 8
        }
    }

    static func softmaxVJP(_ s: UnsafePointer<F>, _ g: UnsafePointer<F>, _ dx: UnsafeMutablePointer<F>, _ n: Int, beta: Float) {
        // ⟨g, s⟩ in Double: products of floats are exact, the sum loses at most n·2⁻⁵³ relative.
        var dot = SIMD4<Double>(repeating: 0)
        var i = 0
        while i < n {
            let (s0, s1) = widen(load(s, i, n, fill: 0))
            let (g0, g1) = widen(load(g, i, n, fill: 0))
            dot += s0 * g0 + s1 * g1
            i &+= 8
        }
        let d = dot.sum(), b = Double(beta)
        i = 0
        while i < n {
            let (s0, s1) = widen(load(s, i, n, fill: 0))
            let (g0, g1) = widen(load(g, i, n, fill: 0))
            store(narrow(b * s0 * (g0 - d), b * s1 * (g1 - d)), dx, i, n)
            i &+= 8
        }
    }

    static func logSoftmaxVJP(_ ls: UnsafePointer<F>, _ g: UnsafePointer<F>, _ dx: UnsafeMutablePointer<F>, _ n: Int, beta: Float) {
        var total = SIMD4<Double>(repeating: 0)
        var i = 0
        while i < n {
            let (g0, g1) = widen(load(g, i, n, fill: 0))
            total += g0 + g1
            i &+= 8
        }
        let t = total.sum(), b = Double(beta)
        i = 0
        while i < n {
            let s = VectorExp.exp(hi: load(ls, i, n, fill: -.infinity), lo: V(repeating: 0))
            let (s0, s1) = widen(s)
            let (g0, g1) = widen(load(g, i, n, fill: 0))
            store(narrow(b * (g0 - s0 * t), b * (g1 - s1 * t)), dx, i, n)
            i &+= 8
        }
    }
}
