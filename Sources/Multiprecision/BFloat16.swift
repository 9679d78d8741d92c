/// A bfloat16 value: the top 16 bits of a binary32 (8-bit significand, binary32's exponent range).
///
/// Swift has no native bfloat16, so this is a storage type: conversions go through `Float`.
public struct BFloat16: Hashable, Sendable {
    public var bitPattern: UInt16

    public init(bitPattern: UInt16) { self.bitPattern = bitPattern }

    /// `value` rounded to nearest, ties to even; NaN stays NaN.
    public init(_ value: Float) {
        let bits = value.bitPattern
        if value.isNaN {
            bitPattern = UInt16(bits >> 16) | 0x0040
            return
        }
        // Round-to-nearest-even on the 16 discarded bits; a carry into the exponent is correct.
        let lsb = (bits >> 16) & 1
        bitPattern = UInt16((bits &+ 0x7FFF &+ lsb) >> 16)
    }

    /// The exact value as a `Float`.
    public var float: Float { Float(bitPattern: UInt32(bitPattern) << 16) }
}
