import Multiprecision

/// ∇LSE = softmax: central differences of the implementation's own LogSumExp match β·softmax.
public struct LogSumExpGradient: ConformanceProperty {
    public init() {}
    public let name = "logsumexp-gradient"
    public let statement = "(LSE(x + h·e_i) − LSE(x − h·e_i)) / 2h = β·ŝ_i within u·ulp(LSE)/h + h² + β·u·ulp(ŝ_i)"
    public let rationale = "∂/∂x_i ln Σ e^(βx_j) = β·s_i. Each LSE output errs by at most u ulps (the first term), the central difference's truncation is h²/6·|∂³LSE| ≤ h² for |β| ≤ 2, and ŝ_i errs by u ulps. Steps h keep x_i ± h exact."

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        let f = c.format
        guard !c.row.isEmpty, c.row.allSatisfy(\.isFinite), let beta = c.beta.dyadic, beta.magnitude <= Dyadic(2), !beta.isZero,
              c.row.compactMap(\.dyadic).allSatisfy({ $0.magnitude < .powerOfTwo(10) }) else { return .skip("needs finite moderate logits and 0 < |β| ≤ 2") }
        let s = try context.outputs(ImplementationRequest(.softmax, format: f, input: c.row, beta: c.beta))
        for i in c.row.indices.prefix(4) {
            let x = c.row[i].dyadic!
            let scale = max(x.isZero ? 0 : x.floorLog2, 0)
            let h = Dyadic.powerOfTwo(scale - f.precision / 3)
            var plus = c.row, minus = c.row
            plus[i] = f.round(x + h, .toNearestOrEven)
            minus[i] = f.round(x - h, .toNearestOrEven)
            guard plus[i].dyadic == x + h, minus[i].dyadic == x - h else { continue }
            let up = try context.outputs(ImplementationRequest(.logSumExp, format: f, input: plus, beta: c.beta))[0]
            let down = try context.outputs(ImplementationRequest(.logSumExp, format: f, input: minus, beta: c.beta))[0]
            guard let u = up.dyadic, let d = down.dyadic, let si = s[i].dyadic else {
                return .fail(reason: "non-finite LSE or softmax near \(c.row[i].hexString)", maxUlp: .infinity)
            }
            let difference = (u - d).timesPowerOfTwo(-(scale - f.precision / 3) - 1)  // (u − d) / 2h
            let lseSlack = context.tolerance(.logSumExp, around: up, down).timesPowerOfTwo(-(scale - f.precision / 3))
            let allowed = lseSlack + h * h + context.tolerance(.softmax, around: s[i]) * beta.magnitude
            if (difference - beta * si).magnitude > allowed {
                return .fail(reason: "∂LSE/∂x_\(i) ≈ \(difference.doubleApproximation) but β·softmax_\(i) = \((beta * si).doubleApproximation)", maxUlp: .infinity)
            }
        }
        return .pass(maxUlp: 0)
    }
}
