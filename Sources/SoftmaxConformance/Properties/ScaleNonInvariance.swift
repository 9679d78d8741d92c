import Multiprecision

/// softmax is not scale invariant: β changes the result, β = 0 gives the uniform distribution,
/// a growing β raises the largest probability and tends to the one-hot argmax (1/k on ties).
public struct ScaleNonInvariance: ConformanceProperty {
    public init() {}
    public let name = "scale-non-invariance"
    public let statement = "softmax(x; 2β) ≠ softmax(x; β) where the exact values differ by more than 2u ulps; max ŝ grows with β; β = 0 is uniform; β = 2^16 is one-hot (1/k on ties)"
    public let rationale = "Each comparison is between outputs within u ulps of known exact values, so differences beyond 2u ulps are real and equalities hold within 2u ulps."

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        guard c.row.count >= 2, c.row.allSatisfy(\.isFinite), let beta = c.beta.dyadic, beta.signum > 0 else { return .skip("needs a finite row of 2+ and β > 0") }
        let f = c.format
        func softmax(_ b: FloatValue) throws(PropertyContext.Refusal) -> [FloatValue] {
            try context.outputs(ImplementationRequest(.softmax, format: f, input: c.row, beta: b))
        }
        // β = 0: uniform.
        let uniform = try softmax(.zero(f))
        let share = f.round(Rational(1, BigInt(c.row.count)), .toNearestOrEven)
        if let i = uniform.indices.first(where: { !close(uniform[$0], share, context.tolerance(.softmax, around: share) * Dyadic(2)) }) {
            return .fail(reason: "β = 0 gave \(uniform[i].hexString) at \(i), not 1/\(c.row.count)", maxUlp: .infinity)
        }
        // Doubling β raises the largest probability (when it exactly does by more than the slack).
        let doubled = f.round(beta * Dyadic(2), .toNearestOrEven)
        guard doubled.isFinite else { return .pass(maxUlp: 0) }
        let a = try softmax(c.beta), b = try softmax(doubled)
        let exactA = context.exact(ImplementationRequest(.softmax, format: f, input: c.row, beta: c.beta))
        let exactB = context.exact(ImplementationRequest(.softmax, format: f, input: c.row, beta: doubled))
        // The slack is 2u ulps of the checked format around the larger output (a itself, not a binary64 copy).
        if let topA = a.filter(\.isFinite).max(by: { $0.dyadic! < $1.dyadic! }), let maxA = topA.dyadic,
           let maxB = b.compactMap(\.dyadic).max(), maxB < maxA - context.tolerance(.softmax, around: topA) * Dyadic(2) {
            return .fail(reason: "max probability fell from \(maxA.doubleApproximation) to \(maxB.doubleApproximation) when β doubled", maxUlp: .infinity)
        }
        for i in a.indices {
            guard case .interval(let ea) = exactA[i], case .interval(let eb) = exactB[i], a[i].isFinite, b[i].isFinite else { continue }
            let slack = context.tolerance(.softmax, around: a[i], b[i]) * Dyadic(4)
            if (ea.lower - eb.upper).magnitude > slack && (eb.lower - ea.upper).magnitude > slack && a[i] == b[i] {
                return .fail(reason: "output \(i) did not change when β doubled although the exact values differ", maxUlp: .infinity)
            }
        }
        // β → ∞: one-hot argmax, 1/k on ties.
        let huge = f.round(Dyadic.powerOfTwo(min(16, f.maxExponent - 1)), .toNearestOrEven)
        guard c.row.compactMap(\.dyadic).allSatisfy({ $0.magnitude < .powerOfTwo(8) }) else { return .pass(maxUlp: 0) }
        let top = c.row.compactMap(\.dyadic).max()!
        let winners = c.row.filter { $0.dyadic == top }.count
        let secondGap = c.row.compactMap(\.dyadic).filter { $0 < top }.map { top - $0 }.min()
        guard secondGap.map({ $0 > .powerOfTwo(-4) }) ?? true else { return .pass(maxUlp: 0) }
        let limit = try softmax(huge)
        let expected = f.round(Rational(1, BigInt(winners)), .toNearestOrEven)
        for (i, x) in c.row.enumerated() {
            let want = x.dyadic == top ? expected : .zero(f)
            if !close(limit[i], want, context.tolerance(.softmax, around: want) * Dyadic(2)) {
                return .fail(reason: "at β = \(huge.shortestDecimal) output \(i) is \(limit[i].hexString), expected about \(want.hexString)", maxUlp: .infinity)
            }
        }
        return .pass(maxUlp: 0)
    }

    private func close(_ a: FloatValue, _ b: FloatValue, _ allowed: Dyadic) -> Bool {
        guard let x = a.dyadic, let y = b.dyadic else { return false }
        return (x - y).magnitude <= allowed
    }
}
