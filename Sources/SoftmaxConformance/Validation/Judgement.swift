/// The verdict on one answer: its largest error in ulps, whether it is exactly the correctly
/// rounded result, and whether it is within the profile's bound.
public struct Judgement: Sendable {
    public let maxUlp: Double
    public let correctlyRounded: Bool
    /// Why the answer is outside the bound, or nil when it is within it.
    public let failure: String?
}
