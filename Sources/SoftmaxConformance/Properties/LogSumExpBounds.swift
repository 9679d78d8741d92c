import Multiprecision

/// max(t) ≤ LSE(t) ≤ max(t) + ln n.
public struct LogSumExpBounds: ConformanceProperty {
    public init() {}
    public let name = "logsumexp-bounds"
    public let statement = "max(βx) ≤ LSE ≤ max(βx) + ln n, each side loosened by u·ulp(LSE)"
    public let rationale = "e^max ≤ Σ e^(t_j) ≤ n·e^max. The bounds are computed exactly except ln n (binary64, widened by 2^-50)."

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        guard !c.row.isEmpty, c.row.allSatisfy(\.isFinite), let beta = c.beta.dyadic else { return .skip("needs a finite row") }
        let lse = try context.outputs(ImplementationRequest(.logSumExp, format: c.format, input: c.row, beta: c.beta))[0]
        guard let l = lse.dyadic else { return .fail(reason: "LSE = \(lse.hexString)", maxUlp: .infinity) }
        let top = c.row.map { $0.dyadic! * beta }.max()!
        let slack = context.tolerance(.logSumExp, around: lse)
        let lnN = FloatValue(logarithm(Double(c.row.count)) * (1 + 0x1p-50)).dyadic!
        if l < top - slack || l > top + lnN + slack {
            return .fail(reason: "LSE = \(lse.hexString) outside [max, max + ln n] = [\(top.doubleApproximation), \((top + lnN).doubleApproximation)]", maxUlp: .infinity)
        }
        return .pass(maxUlp: 0)
    }
}
