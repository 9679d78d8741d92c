/// The outcome of one property over a run.
public struct PropertyResult: Sendable {
    public let property: String
    public let statement: String
    public let casesRun: Int
    public let passed: Int
    public let skipped: Int
    public let maxUlp: Double
    public let failure: PropertyFailure?
    /// Why the property could not be decided (the implementation can no longer answer), or nil.
    public let notRun: String?
    /// Held on every case run; false when it failed or was not run.
    public var succeeded: Bool { failure == nil && notRun == nil }
}
