import Multiprecision
import SoftmaxReference

/// A request's `input`, `target` and `vector` as values of its format.
struct RequestRows {
    var input: [FloatValue]
    var target: [FloatValue]?
    var vector: [FloatValue]?
}

extension ComputeRequest {
    /// The rows in `format`: literals rounded to nearest (each change noted), packed values
    /// decoded exactly. Literal rows are measured against ``RequestLimits`` before any is parsed;
    /// packed ones after decoding, which the line limit already bounds.
    func rows(format: FloatFormat, function: ReferenceFunction?, notes: inout [String]) throws(ComputeError) -> RequestRows {
        if let packed {
            func decoded(_ text: String, _ key: String) throws(ComputeError) -> [FloatValue] {
                do { return try PackedValues.decode(text, format: format) } catch { throw .badRequest("\(key): \(error.description)") }
            }
            let rows = RequestRows(input: try decoded(packed.input, "input"),
                                   target: try packed.target.map { (t) throws(ComputeError) in try decoded(t, "target") },
                                   vector: try packed.vector.map { (v) throws(ComputeError) in try decoded(v, "vector") })
            try RequestLimits.check(input: rows.input.count, target: rows.target?.count ?? 0, vector: rows.vector?.count ?? 0,
                                    digits: digits, function: function)
            return rows
        }
        try RequestLimits.check(input: input.count, target: target?.count ?? 0, vector: vector?.count ?? 0, digits: digits, function: function)
        func parsed(_ texts: [String], _ key: String) throws(ComputeError) -> [FloatValue] {
            try texts.enumerated().map { (i, text) throws(ComputeError) in
                try ReferenceResponder.parse(text, what: "\(key)[\(i)]", format: format, notes: &notes)
            }
        }
        return RequestRows(input: try parsed(input, "input"),
                           target: try target.map { (t) throws(ComputeError) in try parsed(t, "target") },
                           vector: try vector.map { (v) throws(ComputeError) in try parsed(v, "vector") })
    }
}
