/// One `compute` request as the command line or a JSON line states it, before any rounding.
///
/// Numbers are text (decimal, C99 hex float, inf, -inf, nan), parsed exactly and rounded once,
/// to nearest, to the request's format.
public struct ComputeRequest: Sendable {
    public var id: JSONValue?
    public var function: String
    public var format: String
    public var rounding: String
    public var beta: String
    public var base: String?
    public var digits: Int?
    public var input: [String]
    public var label: Int?
    public var target: [String]?
    /// softmax-vjp's vector.
    public var vector: [String]?
    /// Activations' α (elu, leaky-relu, relu's negative slope), relu's `max_value` and `threshold`.
    public var alpha: String?
    public var maxValue: String?
    public var threshold: String?
    /// `input`, `target` and `vector` as ``PackedValues`` text when the request names the
    /// `"base64-le"` encoding (the lists above are then empty); the answer is packed too.
    public var packed: PackedRows?

    public init(id: JSONValue? = nil, function: String = "softmax", format: String = "f64", rounding: String = "nearest",
                beta: String = "1", base: String? = nil, digits: Int? = nil, input: [String] = [],
                label: Int? = nil, target: [String]? = nil, vector: [String]? = nil,
                alpha: String? = nil, maxValue: String? = nil, threshold: String? = nil) {
        self.id = id
        self.function = function
        self.format = format
        self.rounding = rounding
        self.beta = beta
        self.base = base
        self.digits = digits
        self.input = input
        self.label = label
        self.target = target
        self.vector = vector
        self.alpha = alpha
        self.maxValue = maxValue
        self.threshold = threshold
    }
}

extension ComputeRequest {
    /// Reads a JSON-lines request; absent keys keep the values of `defaults`.
    public init(json: JSONValue, defaults: ComputeRequest) throws(ComputeError) {
        guard case .object(let members) = json else { throw .badRequest("a request must be a JSON object") }
        if let unknown = members.first(where: { !Self.keys.contains($0.0) }) {
            throw .badRequest("unknown key '\(unknown.0)'; expected \(ProtocolNames.list(Self.keys.sorted()))")
        }
        self = defaults
        id = json["id"]
        if let v = json["function"] { function = try Self.text(v, key: "function") }
        if let v = json["format"] { format = try Self.text(v, key: "format") }
        if let v = json["rounding"] { rounding = try Self.text(v, key: "rounding") }
        if let v = json["beta"] { beta = try Self.number(v, key: "beta") }
        if let v = json["base"] { base = try Self.number(v, key: "base") }
        if let v = json["digits"] { digits = try Self.integer(v, key: "digits") }
        if let v = json["label"] { label = try Self.integer(v, key: "label") }
        let packedKeys = json["encoding"] != nil
        if let v = json["input"], !packedKeys { input = try Self.numbers(v, key: "input") }
        if let v = json["target"], !packedKeys { target = try Self.numbers(v, key: "target") }
        if let v = json["vector"], !packedKeys { vector = try Self.numbers(v, key: "vector") }
        if let v = json["alpha"] { alpha = try Self.number(v, key: "alpha") }
        if let v = json["max_value"] { maxValue = try Self.number(v, key: "max_value") }
        if let v = json["threshold"] { threshold = try Self.number(v, key: "threshold") }
        if let v = json["encoding"] { try readPacked(encoding: Self.text(v, key: "encoding"), json) }
    }

    /// Moves `input`, `target` and `vector` into ``packed``: with an encoding they are base64 strings.
    private mutating func readPacked(encoding: String, _ json: JSONValue) throws(ComputeError) {
        guard encoding == PackedValues.encoding else {
            throw .badRequest("unknown encoding '\(encoding)'; expected '\(PackedValues.encoding)'")
        }
        func packedText(_ key: String) throws(ComputeError) -> String? {
            guard let v = json[key] else { return nil }
            guard case .string(let s) = v else { throw .badRequest("with the \(encoding) encoding, '\(key)' must be a base64 string") }
            return s
        }
        packed = PackedRows(input: try packedText("input") ?? "", target: try packedText("target"), vector: try packedText("vector"))
        input = []
        target = nil
        vector = nil
    }

    /// The keys a request may have.
    static let keys: Set = ["id", "function", "format", "rounding", "beta", "base", "digits", "input", "label", "target", "vector",
                            "alpha", "max_value", "threshold", "encoding"]

    private static func text(_ v: JSONValue, key: String) throws(ComputeError) -> String {
        guard case .string(let s) = v else { throw .badRequest("'\(key)' must be a string") }
        return s
    }

    private static func number(_ v: JSONValue, key: String) throws(ComputeError) -> String {
        switch v {
        case .string(let s), .number(let s): return s
        default: throw .badRequest("'\(key)' must be a number or a string holding one")
        }
    }

    private static func numbers(_ v: JSONValue, key: String) throws(ComputeError) -> [String] {
        guard case .array(let items) = v else { throw .badRequest("'\(key)' must be an array of numbers") }
        var out: [String] = []
        for item in items { out.append(try number(item, key: key + " entry")) }
        return out
    }

    private static func integer(_ v: JSONValue, key: String) throws(ComputeError) -> Int {
        let text = try number(v, key: key)
        guard let n = Int(text) else { throw .badRequest("'\(key)' must be an integer; got '\(text)'") }
        return n
    }
}
