import Multiprecision

/// 0 ≤ ŝ_i ≤ 1 for finite rows.
public struct OutputRange: ConformanceProperty {
    public init() {}
    public let name = "range"
    public let statement = "every softmax output of a finite row lies in [0, 1]"
    public let rationale = "s_i = e^(t_i)/Σe^(t_j) ∈ (0, 1], and 0 and 1 are representable, so a monotone rounding cannot leave [0, 1]."

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        guard !c.row.isEmpty, c.row.allSatisfy(\.isFinite) else { return .skip("needs a finite row") }
        let s = try context.outputs(ImplementationRequest(.softmax, format: c.format, input: c.row, beta: c.beta))
        if let i = s.indices.first(where: { !(s[$0].dyadic.map { $0 >= .zero && $0 <= .one } ?? false) }) {
            return .fail(reason: "output \(i) is \(s[i].hexString)", maxUlp: .infinity)
        }
        return .pass(maxUlp: 0)
    }
}
