import Multiprecision

/// Values a source printed for a case, compared in the fixture with the correctly rounded ones.
public struct PrintedValues: Sendable {
    /// Who printed them, e.g. "NumPy, naive exp/sum (seed 004)".
    public let by: String
    /// The format the printer computed in; distances are counted in its ulps.
    public let format: FloatFormat
    public let values: [String]

    public init(by: String, format: FloatFormat, values: [String]) {
        self.by = by
        self.format = format
        self.values = values
    }
}
