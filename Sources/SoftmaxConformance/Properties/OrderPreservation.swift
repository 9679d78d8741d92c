import Multiprecision

/// x_i < x_j implies ŝ_i ≤ ŝ_j (β > 0), within the bound.
public struct OrderPreservation: ConformanceProperty {
    public init() {}
    public let name = "order-preservation"
    public let statement = "for β > 0, x_i < x_j implies ŝ_i ≤ ŝ_j + u·ulp(ŝ_i) + u·ulp(ŝ_j)"
    public let rationale = "softmax is increasing in each logit's rank and rounding is monotone; each output may err by u ulps."

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        guard c.row.count >= 2, c.row.allSatisfy(\.isFinite), (c.beta.dyadic?.signum ?? 0) > 0 else { return .skip("needs a finite row and β > 0") }
        let s = try context.outputs(ImplementationRequest(.softmax, format: c.format, input: c.row, beta: c.beta))
        let order = c.row.indices.sorted { c.row[$0].dyadic! < c.row[$1].dyadic! }
        for (a, b) in zip(order, order.dropFirst()) where c.row[a].dyadic! < c.row[b].dyadic! {
            guard let sa = s[a].dyadic, let sb = s[b].dyadic else { return .fail(reason: "non-finite output", maxUlp: .infinity) }
            if sa > sb + context.tolerance(.softmax, around: s[a]) + context.tolerance(.softmax, around: s[b]) {
                return .fail(reason: "x[\(a)] < x[\(b)] but ŝ[\(a)] = \(s[a].hexString) > ŝ[\(b)] = \(s[b].hexString)", maxUlp: .infinity)
            }
        }
        return .pass(maxUlp: 0)
    }
}
