import Multiprecision
import SoftmaxReference

/// What a sweep has seen in one rounding direction: counts, the histogram, the worst outputs by
/// the error's estimate, and the first monotonicity violations and non-finite mismatches.
/// Tallies of disjoint ranges merge into the tally of their union, whatever the split.
struct SweepTally: Sendable, Equatable {
    var points: UInt64 = 0
    var outputs: UInt64 = 0
    var correct: UInt64 = 0
    var faithful: UInt64 = 0
    var beyondBound: UInt64 = 0
    var histogram = [UInt64](repeating: 0, count: SweepHistogram.count)
    /// The ``keptCandidates`` worst outputs by estimated error (``SweepEntry/worse(_:_:)``).
    var candidates: [SweepEntry] = []
    var violations: UInt64 = 0
    var firstViolations: [SweepEntry] = []
    var nonFinite: UInt64 = 0
    var firstNonFinite: [SweepEntry] = []

    /// Candidates kept for the exact errors of the ten worst: a margin for near-ties of the estimate.
    static let keptCandidates = 32
    /// Examples kept of violations and mismatches, and worst outputs in a report.
    static let shown = 10

    /// Records one output.
    mutating func record(index: UInt64, position: Int, input: ArraySlice<FloatValue>, output y: FloatValue,
                         expected: CorrectRoundings, rule: FloatingPointRoundingRule, bound: SweepBound) {
        outputs += 1
        let c = expected.value(rule)
        let isCorrect = y.bits == c.bits || (y.isNaN && c.isNaN)
        if isCorrect { correct += 1 }
        if isCorrect || expected.isFaithful(y) { faithful += 1 }
        let distance: Int? = isCorrect ? 0 : FloatValue.ulpDistance(y, c).map { max($0, 1) }
        histogram[SweepHistogram.bucket(distance)] += 1
        let error = Self.estimate(y, expected)
        if !bound.allows(y, expected, correct: isCorrect, error: error) { beyondBound += 1 }
        func entry() -> SweepEntry { SweepEntry(index: index, position: position, input: Array(input), output: y, expected: c, error: error) }
        if distance == nil {
            nonFinite += 1
            if firstNonFinite.count < Self.shown { Self.keep(entry(), in: &firstNonFinite, limit: Self.shown, by: SweepEntry.earlier) }
        }
        // Cheap test first: most outputs are not among the worst (indices only grow within a tally).
        if candidates.count < Self.keptCandidates || error > candidates[candidates.count - 1].error {
            Self.keep(entry(), in: &candidates, limit: Self.keptCandidates, by: SweepEntry.worse)
        }
    }

    /// Records that f(lower) > f(higher) for inputs ordered lower < higher: `entry` holds the
    /// higher input's point, its output, and the lower input's output as `expected`.
    mutating func recordViolation(_ entry: SweepEntry) {
        violations += 1
        Self.keep(entry, in: &firstViolations, limit: Self.shown, by: SweepEntry.earlier)
    }

    /// Adds another tally of a disjoint range.
    mutating func merge(_ other: SweepTally) {
        points += other.points
        outputs += other.outputs
        correct += other.correct
        faithful += other.faithful
        beyondBound += other.beyondBound
        for i in histogram.indices { histogram[i] += other.histogram[i] }
        violations += other.violations
        nonFinite += other.nonFinite
        candidates = Array((candidates + other.candidates).sorted(by: SweepEntry.worse).prefix(Self.keptCandidates))
        firstViolations = Array((firstViolations + other.firstViolations).sorted(by: SweepEntry.earlier).prefix(Self.shown))
        firstNonFinite = Array((firstNonFinite + other.firstNonFinite).sorted(by: SweepEntry.earlier).prefix(Self.shown))
    }

    /// Inserts `entry` in the sorted list, keeping at most `limit`.
    private static func keep(_ entry: SweepEntry, in list: inout [SweepEntry], limit: Int, by order: (SweepEntry, SweepEntry) -> Bool) {
        if list.count == limit, let last = list.last, !order(entry, last) { return }
        let at = list.firstIndex { order(entry, $0) } ?? list.count
        list.insert(entry, at: at)
        if list.count > limit { list.removeLast() }
    }

    /// The error of `y` in ulps of the format against the binary64 estimate of the exact value
    /// (relative accuracy about 2^-49, so within 2^-24 ulp for binary32): for ranking only.
    static func estimate(_ y: FloatValue, _ expected: CorrectRoundings) -> Double {
        let v = expected.approximate
        if v.isNaN { return y.isNaN ? 0 : .infinity }
        if y.isNaN { return .infinity }
        if y.isInfinite { return y.double == v ? 0 : (y.bits == expected.down.bits || y.bits == expected.up.bits ? 0.5 : .infinity) }
        if !v.isFinite { return .infinity }
        let a = DoubleRounding.double(y)
        let top = max(a.magnitude, v.magnitude)
        let binade = top == 0 ? y.format.minExponent : max(Int(top.exponent), y.format.minExponent)
        return (a - v).magnitude / Double(sign: .plus, exponent: binade - (y.format.precision - 1), significand: 1)
    }
}
