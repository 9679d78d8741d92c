import Multiprecision

/// The client side of the protocol's packed form (tools/adapters/README.md): a request whose
/// `input`, `target` and `vector` are ``PackedValues`` text, and the answer's `output` (and
/// `gradient`) read back from the same form. ``ExternalProgram`` uses it once a program has
/// answered a packed request in kind.
enum PackedExchange {
    /// The packed request line for `request` with `id`: the keys of ``ProtocolAnswer/line(_:id:)``
    /// with the rows packed and `"encoding": "base64-le"`.
    static func line(_ request: ImplementationRequest, id: Int) -> String {
        let format = request.format
        return JSONValue.object([
            "id": .number(String(id)),
            "function": .string(request.function.rawValue),
            "format": .string(ProtocolNames.name(of: format)),
            "encoding": .string(PackedValues.encoding),
            "beta": request.function.takesBeta ? .string(request.beta.hexString) : nil,
            "alpha": request.alpha.map { .string($0.hexString) },
            "max_value": request.maxValue.map { .string($0.hexString) },
            "threshold": request.threshold.map { .string($0.hexString) },
            "base": request.base.map { .string($0.hexString) },
            "input": .string(PackedValues.encode(request.input, format: format)),
            "label": request.label.map { .number(String($0)) },
            "target": request.target.map { .string(PackedValues.encode($0, format: format)) },
            "vector": request.vector.map { .string(PackedValues.encode($0, format: format)) },
        ]).serialized
    }

    /// Whether an answer is in the packed form.
    static func isPacked(_ json: JSONValue) -> Bool { json["encoding"] == .string(PackedValues.encoding) }

    /// The values of a packed answer to request `id` (an `error` reads as in the plain form).
    static func answer(_ json: JSONValue, request id: Int, format: FloatFormat) -> ImplementationAnswer {
        guard isPacked(json) else { return ProtocolAnswer.answer(json, request: id, format: format) }
        do throws(ComputeError) {
            guard case .string(let output)? = json["output"] else { return .failure("no packed 'output' in the answer to request \(id)") }
            var values = try PackedValues.decode(output, format: format)
            if let gradient = json["gradient"] {
                guard case .string(let text) = gradient else { return .failure("a 'gradient' that is not packed in the answer to request \(id)") }
                values += try PackedValues.decode(text, format: format)
            }
            return .values(values)
        } catch {
            return .failure("\(error) in the packed answer to request \(id)")
        }
    }
}
