import Multiprecision
import SoftmaxReference

/// ⟨u, Jv⟩ = ⟨Ju, v⟩ through the implementation's softmax-vjp products: the symmetry of J for
/// implementations that never materialise it.
public struct JacobianProductSymmetry: ConformanceProperty {
    public init() {}
    public let name = "jacobian-product-symmetry"
    public let statement = "⟨u, Jv⟩ = ⟨Ju, v⟩ for softmax-vjp products, within Σ|u_i|·τ_i(v) + Σ|v_i|·τ_i(u), τ_i(w) = u ulps of 2|β|·s_i·max|w|"
    public let rationale = """
        J = c(diag(s) − ssᵀ) is symmetric, so both inner products are exactly uᵀJv. (Jw)_i = c·s_i·(w_i − ⟨w, s⟩) \
        is a difference that may cancel, so its error is bounded in ulps of 2|c|·s_i·max|w| (the size of its terms), \
        not of the output; the inner products are taken exactly, so only the products' errors count.
        """

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        let n = c.row.count
        guard (1...256).contains(n), c.row.allSatisfy(\.isFinite) else { return .skip("needs 1...256 finite logits") }
        let (u, v) = Self.vectors(for: c)
        let ju = try context.outputs(ImplementationRequest(.softmaxVJP, format: c.format, input: c.row, beta: c.beta, vector: u))
        let jv = try context.outputs(ImplementationRequest(.softmaxVJP, format: c.format, input: c.row, beta: c.beta, vector: v))
        guard ju.count == n, jv.count == n else { return .fail(reason: "expected \(n) product entries, got \(ju.count) and \(jv.count)", maxUlp: .infinity) }
        guard (ju + jv).allSatisfy(\.isFinite) else { return .fail(reason: "non-finite product entries", maxUlp: .infinity) }
        let s = context.exact(ImplementationRequest(.softmax, format: c.format, input: c.row, beta: c.beta)).map(Self.upperBound)
        let (ud, vd) = (u.map { $0.dyadic! }, v.map { $0.dyadic! })
        let left = (0..<n).reduce(Dyadic.zero) { $0 + ud[$1] * jv[$1].dyadic! }
        let right = (0..<n).reduce(Dyadic.zero) { $0 + ju[$1].dyadic! * vd[$1] }
        let tolerance = (0..<n).reduce(Dyadic.zero) { sum, i in
            sum + ud[i].magnitude * Self.slack(s[i], vd, c, context) + vd[i].magnitude * Self.slack(s[i], ud, c, context)
        }
        if (left - right).magnitude > tolerance {
            return .fail(reason: "⟨u, Jv⟩ = \(left.doubleApproximation) but ⟨Ju, v⟩ = \(right.doubleApproximation) for u = \(u.map(\.shortestDecimal)), v = \(v.map(\.shortestDecimal))", maxUlp: .infinity)
        }
        return .pass(maxUlp: 0)
    }

    /// Two vectors of small integers and halves (exact in every format), drawn from a generator
    /// seeded by the row's bits, so a case and its shrunk forms replay the same way.
    static func vectors(for c: CheckCase) -> (u: [FloatValue], v: [FloatValue]) {
        var rng = SplitMix64(seed: c.row.reduce(UInt64(0x5EED)) { ($0 &* 0x100000001B3) ^ $1.bits })
        func draw() -> [FloatValue] {
            c.row.map { _ in c.format.round(Dyadic(mantissa: BigInt(Int(rng.next() % 17) - 8), exponent: -1), .toNearestOrEven) }
        }
        return (draw(), draw())
    }

    /// τ_i(w) = u·ulp(2|β|·s_i·max|w|) with u the profile's softmax-vjp bound.
    static func slack(_ s: Dyadic, _ w: [Dyadic], _ c: CheckCase, _ context: PropertyContext) -> Dyadic {
        let scale = (c.beta.dyadic ?? .zero).magnitude * s * (w.map(\.magnitude).max() ?? .zero) * Dyadic(2)
        if scale.isZero { return .zero }
        let ulp = Dyadic.powerOfTwo(UlpError.ulpExponent(of: scale, c.format))
        return Dyadic(mantissa: BigInt(Int(context.bound(.softmaxVJP) * 1024)), exponent: -10) * ulp
    }

    /// An upper bound of an enclosed probability (1 when nothing better is known).
    static func upperBound(_ e: Enclosure) -> Dyadic {
        switch e {
        case .interval(let i): i.upper
        case .exact(let r): UlpError.bracket(r).upper
        case .nan, .infinity: .one
        }
    }
}
