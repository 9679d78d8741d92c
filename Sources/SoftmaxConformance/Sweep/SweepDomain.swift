import Multiprecision

/// The points of a sweep: every encoding of a format (unary), or every pair of encodings, the
/// first input in the high half of the index.
public struct SweepDomain: Sendable {
    public let format: FloatFormat
    public let arity: Int

    public init(format: FloatFormat, arity: Int) {
        self.format = format
        self.arity = arity
    }

    /// The number of points: 2^(width·arity).
    public var count: UInt64 { 1 << UInt64(format.bitWidth * arity) }

    /// The inputs of the points in `range`, flattened (`arity` values each).
    func inputs(_ range: Range<UInt64>) -> [FloatValue] {
        var out: [FloatValue] = []
        out.reserveCapacity(range.count * arity)
        let width = UInt64(format.bitWidth), mask = (UInt64(1) << width) - 1
        for i in range {
            if arity == 2 { out.append(FloatValue(format: format, bits: i >> width)) }
            out.append(FloatValue(format: format, bits: i & mask))
        }
        return out
    }

    /// Whether points i - 1 and i are neighbours in value of one sign (unary only): the same sign
    /// half, so that their inputs are ordered by the encoding.
    func hasOrderedPredecessor(_ i: UInt64) -> Bool {
        arity == 1 && i > 0 && i != format.signMask
    }
}
