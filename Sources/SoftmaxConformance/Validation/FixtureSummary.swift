import Multiprecision
import SoftmaxReference

/// The fixtures put to an implementation: per function and format, how many cases, the largest
/// error, how many were correctly rounded, and which failed.
public struct FixtureSummary: Sendable {
    public let function: HarnessFunction
    public let format: FloatFormat
    public var cases = 0
    public var correctlyRounded = 0
    public var unsupported = 0
    /// Cases not run: the implementation could no longer answer.
    public var notRun = 0
    /// Why (the first such answer's reason), when `notRun > 0`.
    public var notRunReason: String?
    public var maxUlp = 0.0
    /// (case id, reason).
    public var failures: [(String, String)] = []
    /// Errors in ulps of every supported case, for histograms.
    public var errors: [Double] = []
    /// The cases with finite inputs alone: the implementation's accuracy.
    public var finite = FiniteAccuracy()
    /// The cases with a special input: which conventions the answers follow.
    public var nonFinite = NonFiniteConventions()
}
