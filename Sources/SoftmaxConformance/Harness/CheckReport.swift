/// The outcome of a whole run against one implementation.
public struct CheckReport: Sendable {
    public let implementation: String
    public let configuration: CheckConfiguration
    public let results: [PropertyResult]
    public var succeeded: Bool { results.allSatisfy(\.succeeded) }
}
