/// Standard base64 with padding (RFC 4648 §4), strict: no whitespace, no missing padding, no
/// stray bits in the last group, so a packed row has exactly one spelling.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The 6-bit value of each byte of the alphabet, 0xFF for every other byte.
    private static let sextets: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        return table
    }()

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let count = min(3, bytes.count - i)
            var group = UInt32(bytes[i]) << 16
            if count > 1 { group |= UInt32(bytes[i + 1]) << 8 }
            if count > 2 { group |= UInt32(bytes[i + 2]) }
            for k in 0..<4 {
                out.append(k <= count ? alphabet[Int(group >> (18 - 6 * UInt32(k))) & 63] : UInt8(ascii: "="))
            }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) throws(ComputeError) -> [UInt8] {
        let chars = Array(text.utf8)
        guard chars.count % 4 == 0 else {
            throw .badRequest("packed data is not base64: its length \(chars.count) is not a multiple of 4")
        }
        let padding = chars.suffix(2).reversed().prefix { $0 == UInt8(ascii: "=") }.count
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 4 * 3)
        var group: UInt32 = 0
        for (i, c) in chars.enumerated() {
            let value: UInt8 = i >= chars.count - padding ? 0 : sextets[Int(c)]
            guard value != 0xFF else {
                throw .badRequest("packed data is not base64: byte \(i) is \(c < 0x20 || c > 0x7E ? "0x" + String(c, radix: 16) : "'\(Character(Unicode.Scalar(c)))'")")
            }
            group = group << 6 | UInt32(value)
            if i % 4 == 3 {
                out.append(UInt8(truncatingIfNeeded: group >> 16))
                out.append(UInt8(truncatingIfNeeded: group >> 8))
                out.append(UInt8(truncatingIfNeeded: group))
                group = 0
            }
        }
        // The padded sextets decode to zero bytes; any other bit there is a stray one.
        guard out.suffix(padding).allSatisfy({ $0 == 0 }) else {
            throw .badRequest("packed data is not canonical base64: its last group has bits beyond its padding")
        }
        out.removeLast(padding)
        return out
    }
}
