import Multiprecision

/// The JSON conventions of sweep reports and checkpoints: numbers that read back exactly, hex
/// encodings, and errors naming the field.
enum SweepJSON {
    /// A Double as its shortest round-trip text; infinity as the string "inf" (JSON has none).
    static func number(_ d: Double) -> JSONValue {
        d.isFinite ? .number("\(d)") : .string(d > 0 ? "inf" : "-inf")
    }

    static func double(_ v: JSONValue?, _ name: String) throws(SweepError) -> Double {
        switch v {
        case .number(let s)?: if let d = Double(s) { return d }
        case .string("inf")?: return .infinity
        case .string("-inf")?: return -.infinity
        default: break
        }
        throw .badInput("'\(name)' is not a number")
    }

    static func integer(_ v: JSONValue?, _ name: String) throws(SweepError) -> UInt64 {
        guard case .number(let s)? = v, let n = UInt64(s) else { throw .badInput("'\(name)' is not a non-negative integer") }
        return n
    }

    static func string(_ v: JSONValue?, _ name: String) throws(SweepError) -> String {
        guard case .string(let s)? = v else { throw .badInput("'\(name)' is not a string") }
        return s
    }

    /// An encoding as "0x" and hex digits, zero-padded to the format's width ("0x3c00").
    static func encoding(_ v: FloatValue) -> String {
        let digits = String(v.bits, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, v.format.bitWidth / 4 - digits.count)) + digits
    }

    static func value(_ v: JSONValue?, _ format: FloatFormat) throws(SweepError) -> FloatValue {
        guard case .string(let s)? = v, s.hasPrefix("0x"), let bits = UInt64(s.dropFirst(2), radix: 16),
              bits >> UInt64(format.bitWidth) == 0 else { throw .badInput("'\(v?.serialized ?? "nothing")' is not an encoding of \(format)") }
        return FloatValue(format: format, bits: bits)
    }

    static func entries(_ v: JSONValue?, _ name: String, _ format: FloatFormat) throws(SweepError) -> [SweepEntry] {
        guard case .array(let items)? = v else { throw .badInput("'\(name)' is not a list") }
        return try items.map { (item: JSONValue) throws(SweepError) in try SweepEntry(json: item, format: format) }
    }
}
