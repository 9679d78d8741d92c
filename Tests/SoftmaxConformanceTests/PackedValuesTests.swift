import Multiprecision
import SoftmaxConformance
import Testing

/// The packed protocol form: base64 (RFC 4648) of little-endian bit patterns, exact both ways,
/// strict about its spelling, and answered with the same values as the list form.
@Suite struct PackedValuesTests {
    /// binary16 values whose little-endian bytes spell the ASCII of `text` (two bytes each).
    static func halves(spelling text: String) -> [FloatValue] {
        let bytes = Array(text.utf8)
        return stride(from: 0, to: bytes.count, by: 2).map { FloatValue(format: .binary16, bits: UInt64(bytes[$0]) | UInt64(bytes[$0 + 1]) << 8) }
    }

    @Test("RFC 4648's test vectors, through binary16 values spelling their bytes")
    func rfcVectors() throws {
        for (text, base64) in [("", ""), ("fo", "Zm8="), ("foob", "Zm9vYg=="), ("foobar", "Zm9vYmFy")] {
            let values = Self.halves(spelling: text)
            #expect(PackedValues.encode(values, format: .binary16) == base64)
            #expect(try PackedValues.decode(base64, format: .binary16) == values)
        }
    }

    @Test("every binary16 encoding (NaN payloads, signed zeros, subnormals) survives the round trip")
    func everyHalf() throws {
        let all = (0...0xFFFF).map { FloatValue(format: .binary16, bits: UInt64($0)) }
        let decoded = try PackedValues.decode(PackedValues.encode(all, format: .binary16), format: .binary16)
        #expect(decoded.map(\.bits) == all.map(\.bits))
    }

    @Test("binary32 and binary64 values are little-endian")
    func wideFormats() throws {
        // 1.0f is 0x3F800000: bytes 00 00 80 3F, base64 "AACAPw==". 1.0 is 0x3FF0000000000000: "AAAAAAAA8D8=".
        #expect(PackedValues.encode([FloatValue(Float(1))], format: .binary32) == "AACAPw==")
        #expect(PackedValues.encode([FloatValue(1.0)], format: .binary64) == "AAAAAAAA8D8=")
        #expect(try PackedValues.decode("AAAAAAAA8L8=", format: .binary64) == [FloatValue(-1.0)])
    }

    @Test("malformed text is refused with the reason", arguments: [
        ("Zm8", "not a multiple of 4"), ("Zm 8", "byte 2 is ' '"), ("=Zm8", "byte 0 is '='"), ("Zm9=", "bits beyond its padding"),
        ("Zg==", "not a whole number of 2-byte f16 values"), ("Zm8\u{7}", "byte 3 is 0x7"),
    ])
    func malformed(text: String, reason: String) {
        #expect { try PackedValues.decode(text, format: .binary16) } throws: { error in
            String(describing: error).contains(reason)
        }
    }
}
