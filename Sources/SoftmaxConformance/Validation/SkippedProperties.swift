import Multiprecision

/// Properties a validation did not run because it was asked not to (`validate --cases 0`), per
/// format: listed in every report as skipped, so a CI dashboard shows what was left unchecked.
public struct SkippedProperties: Sendable {
    public let format: FloatFormat
    public let names: [String]
    public let reason: String

    public init(format: FloatFormat, names: [String], reason: String) {
        self.format = format
        self.names = names
        self.reason = reason
    }
}
