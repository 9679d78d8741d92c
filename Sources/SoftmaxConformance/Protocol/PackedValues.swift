import Multiprecision

/// The packed form of a row of values: the little-endian bit patterns of the format (2 bytes per
/// binary16 or bfloat16 value, 4 per binary32, 8 per binary64) in standard base64 with padding
/// (RFC 4648 §4). A million binary32 values are one 5.3 MB string instead of a list of decimals.
///
/// Values travel exactly (every bit pattern, NaN payloads and signed zeros included), so decoding
/// never rounds.
public enum PackedValues {
    /// The value of a request's `"encoding"` key that selects this form.
    public static let encoding = "base64-le"

    /// The values of `format` that `text` packs; the error says what is wrong with the text.
    public static func decode(_ text: String, format: FloatFormat) throws(ComputeError) -> [FloatValue] {
        let bytes = try Base64.decode(text)
        let width = format.bitWidth / 8
        guard bytes.count % width == 0 else {
            throw .badRequest("packed data of \(bytes.count) bytes is not a whole number of \(width)-byte \(ProtocolNames.name(of: format)) values")
        }
        var values: [FloatValue] = []
        values.reserveCapacity(bytes.count / width)
        for start in stride(from: 0, to: bytes.count, by: width) {
            var bits: UInt64 = 0
            for k in 0..<width { bits |= UInt64(bytes[start + k]) << (8 * k) }
            values.append(FloatValue(format: format, bits: bits))
        }
        return values
    }

    /// The packed text of `values`, which must all be of `format`.
    public static func encode(_ values: [FloatValue], format: FloatFormat) -> String {
        let width = format.bitWidth / 8
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * width)
        for value in values {
            precondition(value.format == format, "a packed row holds values of one format")
            for k in 0..<width { bytes.append(UInt8(truncatingIfNeeded: value.bits >> (8 * k))) }
        }
        return Base64.encode(bytes)
    }
}
