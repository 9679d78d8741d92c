import Multiprecision

/// log-softmax = log ∘ softmax, and exp(log-softmax) sums to one.
public struct LogSoftmaxConsistency: ConformanceProperty {
    public init() {}
    public let name = "log-softmax-consistency"
    public let statement = "e^(ls_i) agrees with ŝ_i, and Σ e^(ls_i) with 1, within the propagated bounds"
    public let rationale = "e^(ls_i) = s_i. An error of u·ulp(ls_i) in ls_i changes e^(ls_i) by the factor e^(±u·ulp(ls_i)); ŝ_i errs by u·ulp(ŝ_i); e^ is taken in binary64 for bookkeeping, which adds 2^-50 relative."

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        guard !c.row.isEmpty, c.row.allSatisfy(\.isFinite) else { return .skip("needs a finite row") }
        let f = c.format
        let ls = try context.outputs(ImplementationRequest(.logSoftmax, format: f, input: c.row, beta: c.beta))
        let s = try context.outputs(ImplementationRequest(.softmax, format: f, input: c.row, beta: c.beta))
        var total = 0.0, totalSlack = 0.0
        for i in c.row.indices {
            // An overflowed log-softmax (exactly below -max) must come with a zero probability.
            if ls[i] == .infinity(f, negative: true), s[i].isZero { continue }
            guard ls[i].isFinite, s[i].isFinite else { return .fail(reason: "log-softmax \(ls[i].hexString) with softmax \(s[i].hexString) at \(i)", maxUlp: .infinity) }
            let e = exponential(ls[i].double)
            let lsSlack = context.tolerance(.logSoftmax, around: ls[i]).doubleApproximation
            let relative = exponential(lsSlack) - 1 + 0x1p-50
            let sSlack = context.tolerance(.softmax, around: s[i]).doubleApproximation
            total += e
            totalSlack += e * relative + sSlack
            if abs(e - s[i].double) > e * relative + sSlack + 2 * Double.leastNonzeroMagnitude {
                return .fail(reason: "e^(log-softmax_\(i)) = \(e) but softmax_\(i) = \(s[i].double)", maxUlp: .infinity)
            }
        }
        if abs(total - 1) > totalSlack + Double(c.row.count) * 0x1p-50 {
            return .fail(reason: "Σ e^(log-softmax) = \(total)", maxUlp: .infinity)
        }
        return .pass(maxUlp: 0)
    }
}
