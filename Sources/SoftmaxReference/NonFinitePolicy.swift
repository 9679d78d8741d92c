import Multiprecision

/// The "limit" policy for rows with infinite or NaN logits: each result is the limit the finite
/// formula tends to, where one exists.
///
/// With t = c·x (c = β·ln b):
/// - any NaN, or c = 0 with an infinite logit (0·∞), gives NaN everywhere;
/// - entries with t = -inf get softmax 0 and log-softmax -inf;
/// - k > 0 entries with t = +inf share 1 (1/k each, log-softmax -ln k) and the rest get 0;
/// - a row that is entirely -inf has no limit: NaN, except LogSumExp, which is -inf (ln 0);
/// - an empty row gives an empty result, and LogSumExp of it is -inf.
enum RowClass {
    case empty
    case nan
    case allNegativeInfinity
    /// Indices where t = +inf.
    case positiveInfinities([Int])
    /// Indices of the finite entries (the others have t = -inf) and their exact values.
    case finite(indices: [Int], values: [Dyadic])

    init(_ x: [FloatValue], scaleSign: Int) {
        if x.isEmpty { self = .empty; return }
        if x.contains(where: \.isNaN) { self = .nan; return }
        let infinite = x.indices.filter { x[$0].isInfinite }
        if scaleSign == 0 && !infinite.isEmpty { self = .nan; return }
        let plus = infinite.filter { (x[$0].isSignMinus ? -1 : 1) * scaleSign > 0 }
        if !plus.isEmpty { self = .positiveInfinities(plus); return }
        let finite = x.indices.filter { x[$0].isFinite }
        if finite.isEmpty { self = .allNegativeInfinity; return }
        self = .finite(indices: finite, values: finite.map { x[$0].dyadic! })
    }
}
