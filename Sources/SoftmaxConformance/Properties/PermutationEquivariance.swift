import Multiprecision

/// softmax(Px) = P·softmax(x) for a permutation P (here: reversal).
public struct PermutationEquivariance: ConformanceProperty {
    public init() {}
    public let name = "permutation-equivariance"
    public let statement = "softmax(reversed x) is softmax(x) reversed, within 2u ulps (exactly under strict)"
    public let rationale = "The exact values are permuted with the input; a kernel may sum in another order, so each output may differ by its two errors."

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        guard c.row.count >= 2 else { return .skip("needs two logits") }
        let a = try context.outputs(ImplementationRequest(.softmax, format: c.format, input: c.row, beta: c.beta))
        let b = Array(try context.outputs(ImplementationRequest(.softmax, format: c.format, input: c.row.reversed(), beta: c.beta)).reversed())
        for i in a.indices {
            if a[i].isNaN && b[i].isNaN { continue }
            guard let x = a[i].dyadic, let y = b[i].dyadic else {
                if a[i] != b[i] { return .fail(reason: "output \(i): \(a[i].hexString) vs \(b[i].hexString) after reversal", maxUlp: .infinity) }
                continue
            }
            if (x - y).magnitude > context.tolerance(.softmax, around: a[i], b[i]) * Dyadic(2) {
                return .fail(reason: "output \(i): \(a[i].hexString) vs \(b[i].hexString) after reversal", maxUlp: .infinity)
            }
        }
        return .pass(maxUlp: 0)
    }
}
