import Multiprecision

/// log-softmax = log ∘ softmax, and exp(log-softmax) sums to one.
public struct LogSoftmaxConsistency: ConformanceProperty {
    public init() {}
    public let name = "log-softmax-consistency"
    public let statement = "e^(ls_i) agrees with ŝ_i, and Σ e^(ls_i) with 1, within the propagated bounds"
    public let rationale = "e^(ls_i) = s_i. An error of u·ulp(ls_i) in ls_i changes e^(ls_i) by the factor e^(±u·ulp(ls_i)); ŝ_i errs by u·ulp(ŝ_i); e^ is taken in binary64 for bookkeeping, which adds 2^-50 relative."

    public func check(_ c: CheckCase, _ context: PropertyContext) -> Verdict {
        guarded { () throws(PropertyContext.Refusal) in
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
}

/// max(t) ≤ LSE(t) ≤ max(t) + ln n.
public struct LogSumExpBounds: ConformanceProperty {
    public init() {}
    public let name = "logsumexp-bounds"
    public let statement = "max(βx) ≤ LSE ≤ max(βx) + ln n, each side loosened by u·ulp(LSE)"
    public let rationale = "e^max ≤ Σ e^(t_j) ≤ n·e^max. The bounds are computed exactly except ln n (binary64, widened by 2^-50)."

    public func check(_ c: CheckCase, _ context: PropertyContext) -> Verdict {
        guarded { () throws(PropertyContext.Refusal) in
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
}

/// The cross-entropy gradient is β·(softmax − onehot(label)).
public struct CrossEntropyGradient: ConformanceProperty {
    public init() {}
    public let name = "cross-entropy-gradient"
    public let statement = "each gradient entry ĝ_j agrees with β·(ŝ_j − δ_jL) within u·ulp(ĝ_j) + |β|·u·ulp(ŝ_j)"
    public let rationale = "∂/∂x_j (−ln s_L) = β(s_j − δ_jL); the right side is formed exactly from the implementation's softmax."

    public func check(_ c: CheckCase, _ context: PropertyContext) -> Verdict {
        guarded { () throws(PropertyContext.Refusal) in
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
}
