import Multiprecision

/// The softmax outputs of a row sum to one within the sum of their per-element bounds.
public struct SumToOne: ConformanceProperty {
    public init() {}
    public let name = "sum-to-one"
    public let statement = "|Σ ŝ_i − 1| ≤ Σ u·ulp(ŝ_i), the sum taken exactly"
    public let rationale = "Σ s_i = 1 exactly and each ŝ_i = s_i + e_i with |e_i| ≤ u·ulp; the checker sums the floats as rationals, so it adds no error."

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        guard !c.row.isEmpty else { return .skip("empty row") }
        let s = try context.outputs(ImplementationRequest(.softmax, format: c.format, input: c.row, beta: c.beta))
        guard s.allSatisfy(\.isFinite) else {
            return .fail(reason: "non-finite outputs \(s.filter { !$0.isFinite }.map(\.hexString).prefix(3))", maxUlp: .infinity)
        }
        let excess = (s.exactSum - .one).magnitude
        let allowance = s.map { context.tolerance(.softmax, around: $0) }.reduce(Dyadic.zero, +)
        guard excess <= allowance else {
            return .fail(reason: "Σ ŝ − 1 = \(Rational(s.exactSum - .one).decimalDigits(significant: 4)?.description ?? "?"), beyond the allowance", maxUlp: .infinity)
        }
        return .pass(maxUlp: 0)
    }
}

extension Array where Element == FloatValue {
    /// The exact sum of the finite values.
    fileprivate var exactSum: Dyadic { compactMap(\.dyadic).reduce(Dyadic.zero, +) }
}
