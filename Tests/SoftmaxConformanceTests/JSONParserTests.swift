import SoftmaxConformance
import Testing

/// JSONParser against RFC 8259: the escapes, surrogate pairs, numbers kept as written, the nesting
/// limit, and rejected documents with the message and byte offset of what is wrong.
@Suite struct JSONParserTests {
    /// The error `text` is refused with, or nil when it parses.
    static func refusal(_ text: String) -> JSONParser.SyntaxError? {
        do { _ = try JSONParser.parse(text); return nil } catch { return error }
    }

    @Test("the seven short escapes and \\u escapes decode to their characters")
    func escapes() throws {
        #expect(try JSONParser.parse(#""\"\\\/\b\f\n\r\t""#) == .string("\"\\/\u{08}\u{0C}\n\r\t"))
        #expect(try JSONParser.parse(#""caf\u00e9 \u00C9 \u0041""#) == .string("café É A"))
        #expect(try JSONParser.parse(#""a\u0000b""#) == .string("a\u{0}b"))
        // Raw UTF-8 passes through; an escape between plain text keeps both sides.
        #expect(try JSONParser.parse(#""héllo\tworld""#) == .string("héllo\tworld"))
    }

    @Test("a surrogate pair written as two escapes is one character; a lone surrogate is U+FFFD")
    func surrogatePairs() throws {
        // U+1F600 = 0x10000 + (0xD83D − 0xD800)·0x400 + (0xDE00 − 0xDC00); U+10FFFF is DBFF DFFF.
        #expect(try JSONParser.parse(#""\uD83D\uDE00""#) == .string("\u{1F600}"))
        #expect(try JSONParser.parse(#""\ud83d\ude00!""#) == .string("\u{1F600}!"))
        #expect(try JSONParser.parse(#""\uDBFF\uDFFF""#) == .string("\u{10FFFF}"))
        #expect(try JSONParser.parse(#""\uD800""#) == .string("\u{FFFD}"))
        #expect(try JSONParser.parse(#""\uD800x""#) == .string("\u{FFFD}x"))
        #expect(try JSONParser.parse(#""\uD800\u0041""#) == .string("\u{FFFD}A"))
        #expect(try JSONParser.parse(#""\uDC00\uD800""#) == .string("\u{FFFD}\u{FFFD}"))
    }

    @Test("numbers are kept exactly as written, exponents and signs included")
    func numbers() throws {
        for text in ["0", "-0", "7", "-12.5", "0.1", "1e5", "1E+5", "-2.5e-300", "123456789012345678901234567890", "0.000001e-7"] {
            #expect(try JSONParser.parse(text) == .number(text))
        }
        #expect(try JSONParser.parse("[1e2,-0.0]") == .array([.number("1e2"), .number("-0.0")]))
    }

    @Test("objects keep their members in order; a repeated key reads as its last value")
    func objects() throws {
        let value = try JSONParser.parse(" \t\r\n{\"b\": [true, false, null], \"a\": {}, \"b\": 2} \n")
        guard case .object(let members) = value else { Issue.record("\(value)"); return }
        #expect(members.map(\.0) == ["b", "a", "b"])
        #expect(value["b"] == .number("2"))
        #expect(value["a"] == .object([]))
        #expect(value["missing"] == nil)
    }

    @Test("64 levels of nesting parse; the 65th is refused at its bracket")
    func nestingLimit() throws {
        let deep = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        var value = try JSONParser.parse(deep)
        var levels = 0
        while case .array(let items) = value { levels += 1; value = items.first ?? .null }
        #expect(levels == 64)
        let tooDeep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(Self.refusal(tooDeep)?.description == "malformed JSON at byte 64: nested more than 64 levels deep")
        let objects = String(repeating: "{\"k\":", count: 65) + "1" + String(repeating: "}", count: 65)
        #expect(Self.refusal(objects)?.description == "malformed JSON at byte \(64 * 5): nested more than 64 levels deep")
    }

    /// Documents RFC 8259 rejects, each with the message and the byte offset where it goes wrong.
    static let rejected: [(text: String, message: String, offset: Int)] = [
        ("", "unexpected end of input", 0),
        ("   ", "unexpected end of input", 3),
        ("01", "a number may not have a leading zero", 0),
        ("-01", "a number may not have a leading zero", 1),
        ("+1", "unexpected character '+'", 0),
        (".5", "unexpected character '.'", 0),
        ("-", "a number needs digits", 1),
        ("1.", "digits must follow '.'", 2),
        ("1e", "an exponent needs digits", 2),
        ("1e+", "an exponent needs digits", 3),
        ("1 2", "unexpected text after the value", 2),
        ("[1,]", "unexpected character ']'", 3),
        ("[1 2]", "expected ',' or ']' in an array", 3),
        ("[1", "unterminated array", 2),
        ("{\"a\":1,}", "expected a string key", 7),
        ("{'a':1}", "expected a string key", 1),
        ("{\"a\" 1}", "expected ':' after a key", 5),
        ("{\"a\":1", "unterminated object", 6),
        ("tru", "expected 'true'", 0),
        ("nul", "expected 'null'", 0),
        ("\"abc", "unterminated string", 4),
        ("\"a\u{01}b\"", "control character in a string", 2),
        ("\"a\nb\"", "control character in a string", 2),
        (#""\x""#, "bad escape", 3),
        (#""\u12""#, "\\u must be followed by four hex digits", 3),
        (#""\u+041""#, "\\u must be followed by four hex digits", 3),
        (#""\u00g1""#, "\\u must be followed by four hex digits", 3),
        ("\u{0B}1", "unexpected character '\u{0B}'", 0),
    ]

    @Test("malformed documents are refused with what is wrong and where", arguments: rejected)
    func rejects(_ rejected: (text: String, message: String, offset: Int)) {
        let refusal = Self.refusal(rejected.text)
        #expect(refusal?.message == rejected.message, "\(rejected.text)")
        #expect(refusal?.offset == rejected.offset, "\(rejected.text)")
        #expect(refusal?.description == "malformed JSON at byte \(rejected.offset): \(rejected.message)")
    }

    @Test("serialising then parsing gives the same value back")
    func roundTrip() throws {
        let value = JSONValue.object([
            ("s", .string("tab\t, quote \", backslash \\, U+0001 \u{01}, é, \u{1F600}")),
            ("n", .array([.number("-1.5e-7"), .number("0"), .bool(true), .null])),
            ("o", .object([("z", .array([])), ("a", .object([]))])),
        ])
        #expect(try JSONParser.parse(value.serialized) == value.sortedKeys)
    }
}

extension JSONValue {
    /// The value with every object's keys sorted, as ``serialized`` writes them.
    fileprivate var sortedKeys: JSONValue {
        switch self {
        case .array(let items): .array(items.map(\.sortedKeys))
        case .object(let members): .object(members.map { ($0.0, $0.1.sortedKeys) }.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) })
        default: self
        }
    }
}
