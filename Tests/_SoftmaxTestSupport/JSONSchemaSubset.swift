import SoftmaxConformance

/// A validator for the subset of JSON Schema (draft 2020-12) that `Fixtures/schema.json` uses:
/// type, const, enum, pattern, minimum, required, properties, additionalProperties: false, items,
/// anyOf, and local `$ref`s into `$defs` (the report schemas of tools/schemas use the same subset).
/// Anything else in a schema is reported, not ignored.
public struct JSONSchemaSubset {
    let root: JSONValue

    public init(_ schema: JSONValue) { root = schema }

    /// Every violation, as "path: message".
    public func violations(of value: JSONValue) -> [String] {
        var errors: [String] = []
        check(value, against: root, path: "$", errors: &errors)
        return errors
    }

    private static let handled: Set = ["$schema", "$id", "title", "description", "type", "const", "enum", "pattern",
                                       "minimum", "required", "properties", "additionalProperties", "items", "$ref", "$defs", "anyOf"]

    private func check(_ value: JSONValue, against schema: JSONValue, path: String, errors: inout [String]) {
        guard case .object(let keywords) = schema else { errors.append("\(path): schema is not an object"); return }
        for (key, _) in keywords where !Self.handled.contains(key) { errors.append("\(path): unsupported keyword \(key)") }
        if case .string(let ref)? = schema["$ref"] {
            guard ref.hasPrefix("#/$defs/"), let target = root["$defs"]?[String(ref.dropFirst(8))] else {
                errors.append("\(path): unresolvable $ref \(ref)"); return
            }
            check(value, against: target, path: path, errors: &errors)
        }
        if case .array(let options)? = schema["anyOf"] {
            let failing = options.map { option in
                var optionErrors: [String] = []
                check(value, against: option, path: path, errors: &optionErrors)
                return optionErrors
            }
            if !failing.contains(where: \.isEmpty) {
                errors.append("\(path): matches none of anyOf (\(failing.map { $0.first ?? "" }.joined(separator: "; ")))")
            }
        }
        if let type = schema["type"] {
            let allowed: [String] = switch type {
            case .string(let t): [t]
            case .array(let ts): ts.compactMap { if case .string(let t) = $0 { t } else { nil } }
            default: []
            }
            if !allowed.contains(where: { Self.matches(value, type: $0) }) { errors.append("\(path): expected \(allowed)") }
        }
        if let constant = schema["const"], constant != value { errors.append("\(path): expected \(constant.serialized)") }
        if case .array(let options)? = schema["enum"], !options.contains(value) { errors.append("\(path): not one of the allowed values") }
        if case .string(let pattern)? = schema["pattern"], case .string(let s) = value {
            if let regex = try? Regex(pattern), (try? regex.wholeMatch(in: s)) == nil, (try? regex.firstMatch(in: s)) == nil {
                errors.append("\(path): '\(s)' does not match \(pattern)")
            }
        }
        if case .number(let minimum)? = schema["minimum"], case .number(let n) = value, let a = Int(n), let b = Int(minimum), a < b {
            errors.append("\(path): \(a) < \(b)")
        }
        guard case .object(let members) = value else {
            if case .array(let items) = value, let itemSchema = schema["items"] {
                for (i, item) in items.enumerated() { check(item, against: itemSchema, path: "\(path)[\(i)]", errors: &errors) }
            }
            return
        }
        if case .array(let required)? = schema["required"] {
            for case .string(let key) in required where value[key] == nil { errors.append("\(path): missing \(key)") }
        }
        let properties = schema["properties"]
        for (key, member) in members {
            if let propertySchema = properties?[key] {
                check(member, against: propertySchema, path: "\(path).\(key)", errors: &errors)
            } else if schema["additionalProperties"] == .bool(false) {
                errors.append("\(path): unexpected key \(key)")
            }
        }
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number): true
        case ("integer", .number(let n)): Int(n) != nil || UInt64(n) != nil
        default: false
        }
    }
}
