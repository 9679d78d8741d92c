/// A JSON document, with numbers kept as their source text so that no decimal is ever rounded
/// through `Double` on the way in (0.1 must reach binary32 rounded once, not twice).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number exactly as written.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Keys in input order; serialisation sorts them.
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.0 == key })?.1
    }

    /// Compact JSON with object keys sorted, so equal documents serialise to equal bytes.
    public var serialized: String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8]) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .number(let text): out += text.utf8
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            let inOrder = zip(members, members.dropFirst()).allSatisfy { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            for (i, (key, value)) in (inOrder ? members : members.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) })).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A string literal: the bytes as they are unless something needs escaping.
    private static func writeString(_ s: String, to out: inout [UInt8]) {
        let start = out.count
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            guard byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") else {
                out.removeSubrange(start...)
                var escaped = ""
                writeString(s, to: &escaped)
                out += escaped.utf8
                return
            }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Indented JSON (two spaces, keys sorted, arrays of scalars on one line, a final newline):
    /// stable bytes for files that people diff.
    public var prettySerialized: String {
        var out = ""
        writePretty(to: &out, indent: "")
        return out + "\n"
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private func writePretty(to out: inout String, indent: String) {
        switch self {
        case .array(let items) where items.isEmpty || items.allSatisfy(\.isScalar):
            out += serialized
        case .array(let items):
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += indent + "  "
                item.writePretty(to: &out, indent: indent + "  ")
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            let sorted = members.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) })
            for (i, (key, value)) in sorted.enumerated() {
                out += indent + "  "
                JSONValue.writeString(key, to: &out)
                out += ": "
                value.writePretty(to: &out, indent: indent + "  ")
                out += i + 1 < sorted.count ? ",\n" : "\n"
            }
            out += indent + "}"
        default:
            out += serialized
        }
    }

    private static func writeString(_ s: String, to out: inout String) {
        out += "\""
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension JSONValue {
    /// Builds an object from key-value pairs, dropping nil values.
    public static func object(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    /// An array of strings.
    public static func strings(_ items: [String]) -> JSONValue { .array(items.map { .string($0) }) }
}
