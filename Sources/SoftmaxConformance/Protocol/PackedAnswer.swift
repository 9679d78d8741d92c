import Multiprecision
import SoftmaxReference

/// The answer to a packed request: `{"encoding","format","function","id","output","rounding"}`
/// with `output` (and cross-entropy's `gradient`) as ``PackedValues`` text, plus `notes` when a
/// parameter was rounded. No decimals and no echo of the input: the caller has both already.
/// A Jacobian's output is its n² entries, row-major.
enum PackedAnswer {
    static func reference(_ result: ReferenceResult<FloatValue>, of request: ComputeRequest, format: FloatFormat,
                          notes: [String]) -> JSONValue {
        answer(result.values, gradient: result.gradient, of: request, format: format, notes: notes)
    }

    static func activation(_ output: [FloatValue], of request: ComputeRequest, format: FloatFormat, notes: [String]) -> JSONValue {
        answer(output, gradient: nil, of: request, format: format, notes: notes)
    }

    private static func answer(_ output: [FloatValue], gradient: [FloatValue]?, of request: ComputeRequest, format: FloatFormat,
                               notes: [String]) -> JSONValue {
        // Keys in byte order, so serialising needs no sort.
        .object([
            "encoding": .string(PackedValues.encoding),
            "format": .string(request.format),
            "function": .string(request.function),
            "gradient": gradient.map { .string(PackedValues.encode($0, format: format)) },
            "id": request.id,
            "notes": notes.isEmpty ? nil : .strings(notes),
            "output": .string(PackedValues.encode(output, format: format)),
            "rounding": .string(request.rounding),
        ])
    }
}
