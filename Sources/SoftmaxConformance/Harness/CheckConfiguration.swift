import Multiprecision

/// How a check run is set up; the same configuration gives the same cases and the same report.
public struct CheckConfiguration: Sendable {
    public var cases: Int
    public var seed: UInt64
    public var format: FloatFormat
    public var profile: Profile
    public var maximumLength: Int
    /// The command that replays a run, when it is not `softmax-ref check --kernel NAME` (e.g. a validate).
    public var replayCommand: String?

    public init(cases: Int = 200, seed: UInt64 = 1, format: FloatFormat = .binary32, profile: Profile = .framework,
                maximumLength: Int = 4096, replayCommand: String? = nil) {
        self.replayCommand = replayCommand
        self.cases = cases
        self.seed = seed
        self.format = format
        self.profile = profile
        self.maximumLength = maximumLength
    }
}
