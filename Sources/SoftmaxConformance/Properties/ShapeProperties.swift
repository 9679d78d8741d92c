import Multiprecision

/// 0 ≤ ŝ_i ≤ 1 for finite rows.
public struct Range: ConformanceProperty {
    public init() {}
    public let name = "range"
    public let statement = "every softmax output of a finite row lies in [0, 1]"
    public let rationale = "s_i = e^(t_i)/Σe^(t_j) ∈ (0, 1], and 0 and 1 are representable, so a monotone rounding cannot leave [0, 1]."

    public func check(_ c: CheckCase, _ context: PropertyContext) -> Verdict {
        guarded { () throws(PropertyContext.Refusal) in
            guard !c.row.isEmpty, c.row.allSatisfy(\.isFinite) else { return .skip("needs a finite row") }
            let s = try context.outputs(ImplementationRequest(.softmax, format: c.format, input: c.row, beta: c.beta))
            if let i = s.indices.first(where: { !(s[$0].dyadic.map { $0 >= .zero && $0 <= .one } ?? false) }) {
                return .fail(reason: "output \(i) is \(s[i].hexString)", maxUlp: .infinity)
            }
            return .pass(maxUlp: 0)
        }
    }
}

/// x_i < x_j implies ŝ_i ≤ ŝ_j (β > 0), within the bound.
public struct OrderPreservation: ConformanceProperty {
    public init() {}
    public let name = "order-preservation"
    public let statement = "for β > 0, x_i < x_j implies ŝ_i ≤ ŝ_j + u·ulp(ŝ_i) + u·ulp(ŝ_j)"
    public let rationale = "softmax is increasing in each logit's rank and rounding is monotone; each output may err by u ulps."

    public func check(_ c: CheckCase, _ context: PropertyContext) -> Verdict {
        guarded { () throws(PropertyContext.Refusal) in
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
}

/// softmax(Px) = P·softmax(x) for a permutation P (here: reversal).
public struct PermutationEquivariance: ConformanceProperty {
    public init() {}
    public let name = "permutation-equivariance"
    public let statement = "softmax(reversed x) is softmax(x) reversed, within 2u ulps (exactly under strict)"
    public let rationale = "The exact values are permuted with the input; a kernel may sum in another order, so each output may differ by its two errors."

    public func check(_ c: CheckCase, _ context: PropertyContext) -> Verdict {
        guarded { () throws(PropertyContext.Refusal) in
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
}

/// n = 1 gives softmax [1] and log-softmax [0] exactly.
public struct Singleton: ConformanceProperty {
    public init() {}
    public let name = "singleton"
    public let statement = "softmax([x]) = [1] and log-softmax([x]) = [0] for every finite x"
    public let rationale = "e^(x−x)/e^(x−x) = 1 exactly, and 1 and 0 are representable: no rounding is involved."

    public func check(_ c: CheckCase, _ context: PropertyContext) -> Verdict {
        guarded { () throws(PropertyContext.Refusal) in
            guard let x = c.row.first(where: \.isFinite) else { return .skip("no finite logit") }
            let s = try context.outputs(ImplementationRequest(.softmax, format: c.format, input: [x], beta: c.beta))
            if s.count != 1 || s[0].dyadic != .one { return .fail(reason: "softmax([\(x.hexString)]) = \(s.map(\.hexString))", maxUlp: .infinity) }
            let ls = try context.outputs(ImplementationRequest(.logSoftmax, format: c.format, input: [x], beta: c.beta))
            if ls.count != 1 || ls[0].dyadic != .zero { return .fail(reason: "log-softmax([\(x.hexString)]) = \(ls.map(\.hexString))", maxUlp: .infinity) }
            return .pass(maxUlp: 0)
        }
    }
}
