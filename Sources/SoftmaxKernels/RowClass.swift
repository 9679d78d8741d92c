/// How the "limit" policy sees a row once β has scaled it, t = β·x (the reference's `RowClass`).
///
/// - any NaN, or β = 0 with an infinite entry (0·∞), is `.nan`: NaN everywhere;
/// - k > 0 entries with t = +inf are `.positiveInfinities(k)`: they share 1, the rest get 0;
/// - a row of −inf only is `.allNegativeInfinity`: NaN (or zeros, see ``FullyMaskedRow``);
///   its LogSumExp is −inf, as is the LogSumExp of an empty row.
enum RowClass: Equatable {
    case empty
    case nan
    case allNegativeInfinity
    case positiveInfinities(Int)
    case finite

    init<S: SoftmaxScalar>(_ x: UnsafePointer<S>, count n: Int, beta: S.Accumulator) {
        if n == 0 { self = .empty; return }
        var plus = 0, finite = 0
        for i in 0..<n {
            let v = x[i]
            if v.isNaN || (beta == 0 && v.isInfinite) { self = .nan; return }
            if v.isFinite { finite += 1 } else if (v > 0) == (beta > 0) { plus += 1 }
        }
        if plus > 0 { self = .positiveInfinities(plus); return }
        self = finite == 0 ? .allNegativeInfinity : .finite
    }

    /// True when entry `v` has t = +inf.
    @inline(__always)
    static func isPlusInfinity<S: SoftmaxScalar>(_ v: S, beta: S.Accumulator) -> Bool {
        v.isInfinite && (v > 0) == (beta > 0)
    }
}
