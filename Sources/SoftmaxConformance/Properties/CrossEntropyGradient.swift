import Multiprecision

/// The cross-entropy gradient is β·(softmax − onehot(label)).
public struct CrossEntropyGradient: ConformanceProperty {
    public init() {}
    public let name = "cross-entropy-gradient"
    public let statement = "each gradient entry ĝ_j agrees with β·(ŝ_j − δ_jL) within u·ulp(ĝ_j) + |β|·u·ulp(ŝ_j)"
    public let rationale = "∂/∂x_j (−ln s_L) = β(s_j − δ_jL); the right side is formed exactly from the implementation's softmax."

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        guard !c.row.isEmpty, c.row.allSatisfy(\.isFinite), let beta = c.beta.dyadic else { return .skip("needs a finite row") }
        let label = c.row.count / 2
        let answer = try context.outputs(ImplementationRequest(.crossEntropy, format: c.format, input: c.row, beta: c.beta, label: label))
        let s = try context.outputs(ImplementationRequest(.softmax, format: c.format, input: c.row, beta: c.beta))
        guard answer.count == c.row.count + 1 else { return .fail(reason: "expected loss and \(c.row.count) gradient entries, got \(answer.count) values", maxUlp: .infinity) }
        for j in c.row.indices {
            let g = answer[j + 1]
            guard let gj = g.dyadic, let sj = s[j].dyadic else { return .fail(reason: "non-finite gradient or softmax at \(j)", maxUlp: .infinity) }
            let expected = beta * (sj - (j == label ? .one : .zero))
            let allowed = context.tolerance(.crossEntropy, around: g) + context.tolerance(.softmax, around: s[j]) * beta.magnitude
            if (gj - expected).magnitude > allowed {
                return .fail(reason: "gradient \(j) = \(g.hexString) but β(ŝ − onehot) = \(expected.doubleApproximation)", maxUlp: .infinity)
            }
        }
        return .pass(maxUlp: 0)
    }
}
