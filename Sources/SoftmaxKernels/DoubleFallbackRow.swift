/// One row on the scalar fallback of the `simd` kernels, computed in `Double` with exact differences and compensated
/// sums: rows the vector code hands over (non-finite entries, sums that overflow), and the functions
/// not vectorised (cross-entropy, Jacobian).
///
/// For `Float` and `Float16` storage its errors are far below one ulp before the final rounding; for
/// `Double` they stay within the `simd` bounds (exp from the C library, < 1 ulp, with the low part of
/// the argument applied as a first-order correction).
struct DoubleFallbackRow<S: KernelStorage> {
    /// The extremum of x that t = β·x is largest at (the max for β ≥ 0, the min for β < 0).
    let pivot: Double
    let beta: Double
    /// Σ e^(t_i − t_max), compensated.
    let sum: Double
    /// ln Σ e^(t_i − t_max), accurate relative to itself (log1p of the mass off the maxima).
    let logSum: Double

    /// Requires a row of class `.finite` (no NaN, no +inf after scaling, some finite entry).
    init(_ x: UnsafePointer<S>, count n: Int, beta b: S.Accumulator) {
        beta = Double(b)
        var p = -Double.infinity
        for i in 0..<n where x[i].isFinite {
            let v = Double(x[i])
            if p == -.infinity || (beta >= 0 ? v > p : v < p) { p = v }
        }
        pivot = p
        var s = CompensatedSum(), off = CompensatedSum()
        var atMax = 0
        for i in 0..<n {
            let d = Self.difference(x[i], pivot: p, beta: beta)
            if d.hi == 0 { atMax += 1; s.add(1); continue }
            let e = Self.exp(d)
            s.add(e)
            off.add(e)
        }
        sum = s.value
        off.add(Double(atMax - 1))
        logSum = Double.cLogOnePlus(off.value)
    }

    /// β·(x − pivot) as an unevaluated pair hi + lo, exact up to 2⁻¹⁰⁵ relative; −inf entries give
    /// (−inf, 0).
    @inline(__always)
    static func difference(_ x: S, pivot: Double, beta: Double) -> (hi: Double, lo: Double) {
        let v = Double(x)
        if !v.isFinite { return (-.infinity, 0) }
        if beta == 0 { return (0, 0) }  // 0·(x − pivot), even where x − pivot would overflow
        let (th, tl) = twoSum(v, -pivot)
        // x − pivot can overflow for logits near ±max: e^-inf = 0, and the error term is moot.
        if !th.isFinite { return (th, 0) }
        if beta == 1 { return (th, tl) }
        let ph = beta * th
        if !ph.isFinite { return (ph, 0) }
        let pl = (-ph).addingProduct(beta, th)
        return (ph, pl + beta * tl)
    }

    /// e^(hi + lo) for a difference pair.
    @inline(__always)
    static func exp(_ d: (hi: Double, lo: Double)) -> Double {
        let e = Double.cExp(d.hi)
        return e + e * d.lo
    }

    /// softmax entry i, before rounding to the storage type.
    @inline(__always)
    func softmax(_ v: S) -> Double {
        Self.exp(Self.difference(v, pivot: pivot, beta: beta)) / sum
    }

    /// log-softmax entry i: (hi − ln Σ) + lo; no cancellation, as hi ≤ 0 ≤ ln Σ.
    @inline(__always)
    func logSoftmax(_ v: S) -> Double {
        let d = Self.difference(v, pivot: pivot, beta: beta)
        return (d.hi - logSum) + d.lo
    }

    /// LogSumExp of the row: β·pivot + ln Σ, with β·pivot kept as an exact pair.
    var logSumExp: Double {
        let ph = beta * pivot
        let pl = (-ph).addingProduct(beta, pivot)
        return ph + (logSum + pl)
    }
}
