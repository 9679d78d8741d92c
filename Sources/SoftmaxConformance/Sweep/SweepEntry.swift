import Multiprecision

/// One output of a sweep worth showing: a worst case, a non-finite mismatch, or (with `lower`
/// set) a monotonicity violation between points `index - 1` and `index`.
public struct SweepEntry: Sendable, Equatable {
    /// The point's index among the sweep's points, and which of its outputs.
    public let index: UInt64
    public let position: Int
    public let input: [FloatValue]
    public let output: FloatValue
    /// The correctly rounded value (for a violation: the output at the smaller input).
    public let expected: FloatValue
    /// The error in ulps: a binary64 estimate while sweeping, the exact one in a report.
    public var error: Double

    /// Worst first, then by index and position: a total order, so any split gives the same list.
    static func worse(_ a: SweepEntry, _ b: SweepEntry) -> Bool {
        if a.error != b.error { return a.error > b.error }
        return (a.index, a.position) < (b.index, b.position)
    }

    /// By index and position.
    static func earlier(_ a: SweepEntry, _ b: SweepEntry) -> Bool { (a.index, a.position) < (b.index, b.position) }

    var json: JSONValue {
        .object([
            "index": .number(String(index)),
            "position": .number(String(position)),
            "input": .strings(input.map(SweepJSON.encoding)),
            "output": .string(SweepJSON.encoding(output)),
            "correctly_rounded": .string(SweepJSON.encoding(expected)),
            "ulp": SweepJSON.number(error),
            "values": .strings((input + [output, expected]).map(\.hexString)),
        ])
    }

    init(index: UInt64, position: Int, input: [FloatValue], output: FloatValue, expected: FloatValue, error: Double) {
        self.index = index
        self.position = position
        self.input = input
        self.output = output
        self.expected = expected
        self.error = error
    }

    init(json: JSONValue, format: FloatFormat) throws(SweepError) {
        guard case .array(let inputs)? = json["input"] else { throw .badInput("an entry without 'input'") }
        index = try SweepJSON.integer(json["index"], "index")
        position = Int(try SweepJSON.integer(json["position"], "position"))
        input = try inputs.map { (v: JSONValue) throws(SweepError) in try SweepJSON.value(v, format) }
        output = try SweepJSON.value(json["output"], format)
        expected = try SweepJSON.value(json["correctly_rounded"], format)
        error = try SweepJSON.double(json["ulp"], "ulp")
    }
}
