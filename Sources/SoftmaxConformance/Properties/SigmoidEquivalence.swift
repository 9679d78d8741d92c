import Multiprecision

/// sigmoid(x) = softmax([x, 0])_0 (seed 000): sigmoid is two-class softmax.
public struct SigmoidEquivalence: ConformanceProperty {
    public init() {}
    public let name = "sigmoid-equivalence"
    public let statement = "sigmoid(x_i) and softmax([x_i, 0])_0 agree within 2u ulps (bit for bit under strict)"
    public let rationale = "1/(1 + e^-x) = e^x/(e^x + e^0): both outputs approximate the same exact value within u ulps."

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        guard !c.row.isEmpty else { return .skip("empty row") }
        let f = c.format
        let sig = try context.outputs(ImplementationRequest(.sigmoid, format: f, input: c.row, beta: c.beta))
        for (i, x) in c.row.prefix(8).enumerated() {
            let two = try context.outputs(ImplementationRequest(.softmax, format: f, input: [x, .zero(f)], beta: c.beta))
            let a = sig[i], b = two[0]
            if a.isNaN && b.isNaN { continue }
            let same = context.profile == .strict
                ? (a == b || (a.isZero && b.isZero))
                : (a.dyadic != nil && b.dyadic != nil && (a.dyadic! - b.dyadic!).magnitude <= context.tolerance(.sigmoid, around: a, b) * Dyadic(2))
            if !same {
                return .fail(reason: "sigmoid(\(x.hexString)) = \(a.hexString) but softmax([x, 0])_0 = \(b.hexString)", maxUlp: .infinity)
            }
        }
        return .pass(maxUlp: 0)
    }
}
