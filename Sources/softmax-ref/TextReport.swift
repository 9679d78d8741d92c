import SoftmaxConformance

/// The human-readable form of a compute response: one line per value (a row per line for the
/// Jacobian; "loss" and "gradient" lines for cross-entropy).
enum TextReport {
    static func render(_ response: JSONValue) -> String {
        func strings(_ v: JSONValue?) -> [String] {
            guard case .array(let items)? = v else { return [] }
            return items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        }
        guard case .array(let decimal)? = response["decimal"] else { return "" }
        if response["function"] == .string("cross-entropy") {
            return "loss: " + strings(response["decimal"]).joined() + "\n"
                + "gradient: " + strings(response["gradient_decimal"]).joined(separator: " ")
        }
        return decimal.map { item in
            if case .array = item { return strings(item).joined(separator: " ") }
            if case .string(let s) = item { return s }
            return ""
        }.joined(separator: "\n")
    }
}
