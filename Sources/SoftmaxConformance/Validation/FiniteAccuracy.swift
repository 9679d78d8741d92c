/// The accuracy of an implementation on the cases whose inputs are all finite (row, β, target,
/// vector) and whose row is not empty: what it computes, kept apart from its conventions for
/// special inputs so that a NaN where the limit is 0 does not hide a 2-ulp error.
public struct FiniteAccuracy: Sendable {
    public var cases = 0
    public var correctlyRounded = 0
    /// The largest error in ulps (infinite when an answer had no values or the wrong count).
    public var maxUlp = 0.0
    /// The error in ulps of every answer that had values, for percentiles.
    public var errors: [Double] = []

    public init() {}

    /// Counts one answer judged against the reference.
    mutating func add(_ judgement: Judgement, hadValues: Bool) {
        cases += 1
        maxUlp = max(maxUlp, judgement.maxUlp)
        if hadValues { errors.append(judgement.maxUlp) }
        if judgement.correctlyRounded { correctlyRounded += 1 }
    }
}
