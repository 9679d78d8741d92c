import Multiprecision

/// The softmax Jacobian is symmetric, its rows sum to zero and it is positive semi-definite (β > 0).
public struct JacobianSymmetry: ConformanceProperty {
    public init() {}
    public let name = "jacobian-symmetry"
    public let statement = "J = Jᵀ within 2u ulps; |Σ_j J_ij| ≤ Σ_j u·ulp(J_ij); vᵀJv ≥ −Σ|v_i v_j|·u·ulp(J_ij) for v = ±1 patterns"
    public let rationale = "J = c(diag(s) − ssᵀ): J_ij and J_ji have the same exact value; each row sums to c(s_i − s_i·Σs) = 0; diag(s) − ssᵀ is a covariance matrix."

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        let n = c.row.count
        guard n >= 1, n <= 16, c.row.allSatisfy(\.isFinite), (c.beta.dyadic?.signum ?? 0) > 0 else { return .skip("needs 1...16 finite logits and β > 0") }
        let j = try context.outputs(ImplementationRequest(.jacobian, format: c.format, input: c.row, beta: c.beta))
        guard j.count == n * n else { return .fail(reason: "expected \(n * n) entries, got \(j.count)", maxUlp: .infinity) }
        guard j.allSatisfy(\.isFinite) else { return .fail(reason: "non-finite Jacobian entries", maxUlp: .infinity) }
        let value = j.map { $0.dyadic! }
        let slack = j.map { context.tolerance(.jacobian, around: $0) }
        for a in 0..<n {
            for b in (a + 1)..<max(a + 1, n) where (value[a * n + b] - value[b * n + a]).magnitude > slack[a * n + b] + slack[b * n + a] {
                return .fail(reason: "J[\(a)][\(b)] = \(j[a * n + b].hexString) but J[\(b)][\(a)] = \(j[b * n + a].hexString)", maxUlp: .infinity)
            }
            let rowSum = (0..<n).reduce(Dyadic.zero) { $0 + value[a * n + $1] }
            let allowed = (0..<n).reduce(Dyadic.zero) { $0 + slack[a * n + $1] }
            if rowSum.magnitude > allowed {
                return .fail(reason: "row \(a) sums to \(rowSum.doubleApproximation), not 0", maxUlp: .infinity)
            }
        }
        // vᵀJv >= 0 for sign patterns v (all 2^n for small n, a few otherwise).
        for pattern in 0..<min(1 << n, 64) {
            let v = (0..<n).map { (pattern >> ($0 % 6)) & 1 == 0 ? 1 : -1 }
            var quadratic = Dyadic.zero, allowed = Dyadic.zero
            for a in 0..<n { for b in 0..<n {
                quadratic = quadratic + value[a * n + b] * Dyadic(v[a] * v[b])
                allowed = allowed + slack[a * n + b]
            } }
            if quadratic + allowed < .zero {
                return .fail(reason: "vᵀJv = \(quadratic.doubleApproximation) < 0 for v = \(v)", maxUlp: .infinity)
            }
        }
        return .pass(maxUlp: 0)
    }
}
