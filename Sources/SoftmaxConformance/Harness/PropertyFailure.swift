/// A property's failure: the shrunk counterexample, the case it came from, and how to replay it.
public struct PropertyFailure: Sendable {
    public let reason: String
    public let counterexample: CheckCase
    public let original: CheckCase
    public let caseIndex: Int
    public let replay: String
}
