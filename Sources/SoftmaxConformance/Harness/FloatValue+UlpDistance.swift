import Multiprecision

extension FloatValue {
    /// How many values of the format lie between a and b (0 when equal, ±0 counted as one value);
    /// nil when either is NaN or infinite.
    public static func ulpDistance(_ a: FloatValue, _ b: FloatValue) -> Int? {
        guard a.format == b.format, a.isFinite, b.isFinite else { return nil }
        func ordinal(_ v: FloatValue) -> Int {
            let magnitude = Int(v.bits & ~v.format.signMask)
            return v.isSignMinus ? -magnitude : magnitude
        }
        return abs(ordinal(a) - ordinal(b))
    }
}
