import Multiprecision

/// One generated input for a property: a row in a format, an inverse temperature, and the
/// generator family it came from (reported with failures).
public struct CheckCase: Sendable, CustomStringConvertible {
    public var row: [FloatValue]
    public var beta: FloatValue
    public let format: FloatFormat
    public let family: String

    public init(row: [FloatValue], beta: FloatValue, format: FloatFormat, family: String) {
        self.row = row
        self.beta = beta
        self.format = format
        self.family = family
    }

    /// "[0x1p+0, -inf] (β = 0x1p+0, ties)" — hex so the case can be pasted back in.
    public var description: String {
        "[\(row.map(\.hexString).joined(separator: ", "))] (β = \(beta.hexString), \(family))"
    }
}
