/// β = 1: x − m as a TwoSum pair (exact). When x − m overflows (logits near ±max), the pair is
/// (−inf, 0), whose exp is 0, instead of (−inf, NaN).
struct DoubleUnitDifference: LaneDifference {
    let pivot: SIMD4<Double>
    @inline(__always) func callAsFunction(_ v: SIMD4<Double>) -> (hi: SIMD4<Double>, lo: SIMD4<Double>) {
        let s = v - pivot
        let bb = s - v
        let lo = (v - (s - bb)) - (pivot + bb)
        return (s, lo.replacing(with: 0, where: .!((s - s) .== 0)))
    }
}

/// β ≠ 1: β·(x − m) from the exact pair of x − m and an exact product (fused multiply-add), so the
/// argument of exp carries a relative error of order 2⁻¹⁰⁵.
struct DoubleScaledDifference: LaneDifference {
    let pivot: SIMD4<Double>
    let beta: SIMD4<Double>
    @inline(__always) func callAsFunction(_ v: SIMD4<Double>) -> (hi: SIMD4<Double>, lo: SIMD4<Double>) {
        let (th, tl) = DoubleUnitDifference(pivot: pivot)(v)
        let ph = beta * th
        let pl = (-ph).addingProduct(beta, th) + beta * tl
        return (ph, pl.replacing(with: 0, where: .!((ph - ph) .== 0)))
    }
}

/// A lane-wise running sum with TwoSum compensation (Neumaier): error ≤ 2u·Σ|x| + O(n·u²).
struct LaneCompensatedSum {
    var high = SIMD4<Double>(repeating: 0)
    var low = SIMD4<Double>(repeating: 0)

    @inline(__always)
    mutating func add(_ x: SIMD4<Double>) {
        let s = high + x
        let bb = s - high
        low += (high - (s - bb)) + (x - bb)
        high = s
    }

    var value: Double {
        var total = CompensatedSum()
        for j in 0..<4 { total.add(high[j]); total.add(low[j]) }
        return total.value
    }
}

/// The `simd` kernels for `Double`: `SIMD4<Double>` lanes and compensated sums.
///
/// Softmax: a pivot pass (max and a NaN probe), an exp-and-sum pass that holds e^(t − max) in the
/// output, a division pass.
enum DoubleLanes: SIMDKernels {
    typealias Element = Double
    typealias V = SIMD4<Double>

    @inline(__always)
    static func load(_ x: UnsafePointer<Double>, _ i: Int, _ n: Int, fill: Double) -> V {
        if i &+ 4 <= n { return UnsafeRawPointer(x + i).loadUnaligned(as: V.self) }
        var v = V(repeating: fill)
        for j in 0..<(n - i) { v[j] = x[i + j] }
        return v
    }

    @inline(__always)
    static func store(_ v: V, _ y: UnsafeMutablePointer<Double>, _ i: Int, _ n: Int) {
        if i &+ 4 <= n { UnsafeMutableRawPointer(y + i).storeBytes(of: v, as: V.self); return }
        for j in 0..<(n - i) { y[i + j] = v[j] }
    }

    /// The entry where β·x is largest, and whether the lane sums saw no NaN.
    @inline(__always)
    static func pivot(_ x: UnsafePointer<Double>, _ n: Int, largest: Bool) -> (value: Double, clean: Bool) {
        var best = V(repeating: largest ? -.infinity : .infinity), probe = V(repeating: 0)
        var i = 0
        while i &+ 4 <= n {
            let v = UnsafeRawPointer(x + i).loadUnaligned(as: V.self)
            // A compare and blend: the standard library's pointwiseMax is not inlined and costs 5× more.
            best = best.replacing(with: v, where: largest ? v .> best : v .< best)
            probe += v * 0  // NaN exactly when some entry is infinite or NaN (a plain sum could overflow)
            i &+= 4
        }
        var m = largest ? best.max() : best.min()
        var p = probe.sum()
        while i < n {
            m = largest ? Swift.max(m, x[i]) : Swift.min(m, x[i])
            p += x[i]
            i &+= 1
        }
        return (m, !p.isNaN)
    }

    @inline(__always)
    static func expSum<D: LaneDifference<V>>(_ x: UnsafePointer<Double>, _ n: Int, _ diff: D, fill: Double,
                                             hold: UnsafeMutablePointer<Double>?, offMax: Bool)
        -> (sum: Double, off: Double, atMax: Double)
    {
        var acc = LaneCompensatedSum(), off = LaneCompensatedSum(), count = V(repeating: 0)
        var i = 0
        while i < n {
            let (hi, lo) = diff(load(x, i, n, fill: fill))
            let e = VectorExp.exp(hi: hi, lo: lo)
            if let hold { store(e, hold, i, n) }
            acc.add(e)
            if offMax {
                let top = hi .== 0
                off.add(e.replacing(with: 0, where: top))
                count += V(repeating: 0).replacing(with: 1, where: top)
            }
            i &+= 4
        }
        return (acc.value, off.value, count.sum())
    }

    @inline(__always)
    static func differences(_ m: Double, _ beta: Double) -> (unit: DoubleUnitDifference, scaled: DoubleScaledDifference) {
        (DoubleUnitDifference(pivot: V(repeating: m)), DoubleScaledDifference(pivot: V(repeating: m), beta: V(repeating: beta)))
    }

    static func softmax(_ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, _ n: Int,
                        beta: Double, masked: FullyMaskedRow) {
        let (m, clean) = pivot(x, n, largest: beta >= 0)
        guard n > 0, m.isFinite, clean, beta != 0 else {
            return DoubleFallbackRow.softmax(x, y, n, beta: beta, masked: masked)
        }
        let fill: Double = beta > 0 ? -.infinity : .infinity
        let d = differences(m, beta)
        let s = beta == 1
            ? expSum(x, n, d.unit, fill: fill, hold: y, offMax: false).sum
            : expSum(x, n, d.scaled, fill: fill, hold: y, offMax: false).sum
        var i = 0
        while i < n {
            store(load(UnsafePointer(y), i, n, fill: 0) / s, y, i, n)
            i &+= 4
        }
    }

    @inline(__always)
    static func logSum<D: LaneDifference<V>>(_ x: UnsafePointer<Double>, _ n: Int, _ diff: D, fill: Double) -> Double {
        let s = expSum(x, n, diff, fill: fill, hold: nil, offMax: true)
        return Double.cLogOnePlus(s.off + (s.atMax - 1))
    }

    @inline(__always)
    static func logSoftmaxBody<D: LaneDifference<V>>(_ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>,
                                                     _ n: Int, _ diff: D, fill: Double) {
        let l = logSum(x, n, diff, fill: fill)
        var i = 0
        while i < n {
            let (hi, lo) = diff(load(x, i, n, fill: fill))
            store((hi - l) + lo.replacing(with: 0, where: hi .== -.infinity), y, i, n)
            i &+= 4
        }
    }

    static func logSoftmax(_ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, _ n: Int,
                           beta: Double, masked: FullyMaskedRow) {
        let (m, clean) = pivot(x, n, largest: beta >= 0)
        guard n > 0, m.isFinite, clean, beta != 0 else {
            return DoubleFallbackRow.logSoftmax(x, y, n, beta: beta, masked: masked)
        }
        let fill: Double = beta > 0 ? -.infinity : .infinity
        let d = differences(m, beta)
        if beta == 1 { logSoftmaxBody(x, y, n, d.unit, fill: fill) } else { logSoftmaxBody(x, y, n, d.scaled, fill: fill) }
    }

    static func logSumExp(_ x: UnsafePointer<Double>, _ n: Int, beta: Double) -> Double {
        let (m, clean) = pivot(x, n, largest: beta >= 0)
        guard n > 0, m.isFinite, clean, beta != 0 else { return DoubleFallbackRow.logSumExp(x, n, beta: beta) }
        let fill: Double = beta > 0 ? -.infinity : .infinity
        let d = differences(m, beta)
        let l = beta == 1 ? logSum(x, n, d.unit, fill: fill) : logSum(x, n, d.scaled, fill: fill)
        let ph = beta * m
        let lse = ph + (l + (-ph).addingProduct(beta, m))
        // Where β·max and ln Σ nearly cancel, the exps' 2⁻⁵³ in Σ would be many ulps of the result: the
        // row is summed again in double-word arithmetic.
        return abs(lse) < abs(ph) / 8 ? DoubleWord.logSumExp(x, n, pivot: m, beta: beta) : lse
    }

    static func sigmoid(_ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, _ n: Int, beta: Double) {
        let b = V(repeating: beta)
        var i = 0
        while i < n {
            let v = load(x, i, n, fill: 0)
            var hi = v, lo = V(repeating: 0)
            if beta != 1 {
                hi = b * v
                lo = (-hi).addingProduct(b, v)
            }
            let positive = hi .> 0
            let e = VectorExp.exp(hi: hi.replacing(with: -hi, where: positive), lo: lo.replacing(with: -lo, where: positive))
            store(e.replacing(with: 1, where: positive) / (1 + e), y, i, n)
            i &+= 4
        }
    }

    static func softmaxVJP(_ s: UnsafePointer<Double>, _ g: UnsafePointer<Double>, _ dx: UnsafeMutablePointer<Double>,
                           _ n: Int, beta: Double) {
        var dot = LaneCompensatedSum()
        var i = 0
        while i < n {
            dot.add(load(s, i, n, fill: 0) * load(g, i, n, fill: 0))
            i &+= 4
        }
        let d = dot.value
        i = 0
        while i < n {
            let sv = load(s, i, n, fill: 0)
            store(beta * sv * (load(g, i, n, fill: 0) - d), dx, i, n)
            i &+= 4
        }
    }

    static func logSoftmaxVJP(_ ls: UnsafePointer<Double>, _ g: UnsafePointer<Double>, _ dx: UnsafeMutablePointer<Double>,
                              _ n: Int, beta: Double) {
        var total = LaneCompensatedSum()
        var i = 0
        while i < n {
            total.add(load(g, i, n, fill: 0))
            i &+= 4
        }
        let t = total.value
        i = 0
        while i < n {
            let s = VectorExp.exp(hi: load(ls, i, n, fill: -.infinity), lo: V(repeating: 0))
            store(beta * (load(g, i, n, fill: 0) - s * t), dx, i, n)
            i &+= 4
        }
    }
}
