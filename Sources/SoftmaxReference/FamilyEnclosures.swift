import Multiprecision

extension RowRequest {
    /// Every output enclosed at `bits` bits of working precision.
    func enclosures(bits: Int) -> FamilyOutputs {
        switch function {
        case .softmax: FamilyOutputs(values: softmax(logits, bits: bits))
        case .logSoftmax: FamilyOutputs(values: logSoftmax(logits, bits: bits))
        case .logSumExp: FamilyOutputs(values: [logSumExp(logits, bits: bits)])
        case .sigmoid: FamilyOutputs(values: logits.map { sigmoid($0, bits: bits) })
        case .jacobian: FamilyOutputs(values: jacobian(bits: bits))
        case .crossEntropy: crossEntropy(bits: bits)
        case .softmaxVJP: FamilyOutputs(values: softmaxVJP(bits: bits))
        }
    }

    private func rowClass(_ x: [FloatValue]) -> RowClass { RowClass(x, scaleSign: scale.signum) }

    func distribution(_ x: [FloatValue], bits: Int, withComplements: Bool = false) -> Distribution? {
        switch rowClass(x) {
        case .empty, .nan, .allNegativeInfinity: nil
        case .positiveInfinities(let p): Distribution(count: x.count, positiveInfinities: p, bits: bits)
        case .finite(let indices, let values):
            Distribution(count: x.count, indices: indices, weights: Weights(logits: values, scale: scale, bits: bits, tailBits: tailBits),
                         withComplements: withComplements)
        }
    }

    /// c = β exactly, when the base is e (with another base c = β·ln b is transcendental).
    var exactScale: Rational? { scale.base == nil ? Rational(scale.beta) : nil }

    /// c·r for an exact rational r: exact when c is (base e) or r = 0; otherwise an enclosure, and
    /// c·r is then transcendental for r != 0 (ln b is, for a rational b != 1), so it decides.
    func scaled(_ r: Rational, bits: Int) -> Enclosure {
        if r.isZero { return .exact(Rational(0)) }
        if let c = exactScale { return .exact(c * r) }
        let product = DyadicInterval(enclosing: r.magnitude, bits: bits + 8)
            .multiplyingNonNegative(scale.magnitude(bits: bits + 8), bits: bits)
        return .interval((r.signum > 0) == (scale.signum >= 0) ? product : product.negated)
    }

    func softmax(_ x: [FloatValue], bits: Int) -> [Enclosure] {
        guard let s = distribution(x, bits: bits) else { return Array(repeating: .nan, count: x.count) }
        if let exact = s.exact { return exact.map { .exact($0) } }
        return x.indices.map { .interval(s.probability($0)) }
    }

    func sigmoid(_ x: FloatValue, bits: Int) -> Enclosure {
        // σ(x) = softmax([x, 0])_0, so the two agree bit for bit.
        softmax([x, .zero(x.format)], bits: bits)[0]
    }

    func logSoftmax(_ x: [FloatValue], bits: Int) -> [Enclosure] {
        switch rowClass(x) {
        case .empty: return []
        case .nan, .allNegativeInfinity: return Array(repeating: .nan, count: x.count)
        case .positiveInfinities(let p):
            // -ln k on the +inf entries.
            let share = Log.onePlus(DyadicInterval(exactly: Dyadic(p.count - 1)), bits: bits).negated
            let members = Set(p)
            return x.indices.map { members.contains($0) ? .interval(share) : .infinity(negative: true) }
        case .finite(let indices, let values):
            let w = Weights(logits: values, scale: scale, bits: bits, tailBits: tailBits)
            let partition = w.logPartition()
            var out = Array(repeating: Enclosure.infinity(negative: true), count: x.count)
            for (j, i) in indices.enumerated() {
                out[i] = .interval(w.exponents[j].subtracting(partition, bits: bits))
            }
            return out
        }
    }

    func logSumExp(_ x: [FloatValue], bits: Int) -> Enclosure {
        switch rowClass(x) {
        case .empty, .allNegativeInfinity: return .infinity(negative: true)
        case .nan: return .nan
        case .positiveInfinities: return .infinity(negative: false)
        case .finite(_, let values):
            let w = Weights(logits: values, scale: scale, bits: bits, tailBits: tailBits)
            if let nearZero = logSumExpOfUnitHead(w, top: values[w.reference], bits: bits) { return nearZero }
            let top = scale.times(values[w.reference], bits: bits + 8)
            return .interval(top.adding(w.logPartition(), bits: bits))
        }
    }

    /// LSE = ln(P·S / w_r) with P = b^(β·x_r) rational, when P·E >= w_r for the sum E of the exact
    /// weights: then LSE = ln(1 + D + P·T / w_r) for the sum T of the others and D = P·E/w_r - 1,
    /// with D's relative precision kept, exactly 0 when D = 0 and there are no others (ln(3·9^(-1/2)) = 0 in base 9) and otherwise open at 0 instead of the straddle
    /// ln P + ln(S / w_r) would leave. Σ_j b^(β·x_j) = 1 needs every term rational (terms in
    /// different classes of ``BaseRoot`` are linearly independent over Q), so no other LSE is 0.
    private func logSumExpOfUnitHead(_ w: Weights, top: Dyadic, bits: Int) -> Enclosure? {
        guard let base = scale.base, scale.signum != 0,
              let power = BaseRoot(base).rationalPower(scale.beta * top) else { return nil }
        let (exact, rest) = w.splitTotal
        let reference = Rational(w.weights[w.reference].lower)
        // LSE = ln(1 + D + P·T / w_r) with D = P·E / w_r - 1 exact; D < 0 is left to the general path.
        let d = power * exact / reference - Rational(1)
        guard d.signum >= 0 else { return nil }
        if d.isZero && rest.isExact && rest.lower.isZero { return .exactly(.zero) }
        let factor = DyadicInterval(enclosing: power / reference, bits: bits + 8)
        let u = DyadicInterval(enclosing: d, bits: bits + 8).adding(rest.multiplyingNonNegative(factor, bits: bits + 8), bits: bits + 8)
        return .interval(Log.onePlus(u, bits: bits))
    }

    private func jacobian(bits: Int) -> [Enclosure] {
        let n = logits.count
        guard let s = distribution(logits, bits: bits, withComplements: true) else { return Array(repeating: .nan, count: n * n) }
        if let exact = s.exact {
            return (0..<n).flatMap { i in (0..<n).map { j in scaled(exact[i] * ((i == j ? Rational(1) : Rational(0)) - exact[j]), bits: bits) } }
        }
        let c = scale.magnitude(bits: bits + 8)
        let sign = scale.signum
        var out: [Enclosure] = []
        out.reserveCapacity(n * n)
        for i in 0..<n {
            for j in 0..<n {
                // J_ij = c·s_i·(δ_ij - s_j): c·s_i·(1 - s_i) on the diagonal, -c·s_i·s_j off it.
                let magnitude = i == j
                    ? s.probability(i).multiplyingNonNegative(s.complement(i), bits: bits + 8)
                    : s.probability(i).multiplyingNonNegative(s.probability(j), bits: bits + 8)
                let scaled = magnitude.multiplyingNonNegative(c, bits: bits)
                out.append(.interval((i == j) == (sign >= 0) ? scaled : scaled.negated))
            }
        }
        return out
    }

    private func crossEntropy(bits: Int) -> FamilyOutputs {
        let n = logits.count
        let logS = logSoftmax(logits, bits: bits)
        guard let s = distribution(logits, bits: bits, withComplements: true) else {
            return FamilyOutputs(values: [n == 0 ? .zero : .nan], gradient: Array(repeating: .nan, count: n))
        }
        let c = scale.magnitude(bits: bits + 8)
        let sign = scale.signum
        // Target q: one-hot for a label. Gradient c·(s_j·Σq - q_j); loss -Σ q_i·ln s_i.
        let q: [Dyadic] = target ?? (0..<n).map { $0 == label! ? .one : .zero }
        let qSum = q.reduce(Dyadic.zero, +)
        var gradient: [Enclosure] = []
        if let exact = s.exact {
            let qs = q.map(Rational.init), total = qs.reduce(Rational(0), +)
            gradient = (0..<n).map { j in scaled(exact[j] * total - qs[j], bits: bits) }
            return FamilyOutputs(values: [finiteRowLoss(q: q, distribution: s, bits: bits) ?? loss(q: q, logSoftmax: logS, bits: bits)], gradient: gradient)
        }
        for j in 0..<n {
            let g: DyadicInterval
            if target == nil {
                g = j == label! ? s.complement(j).negated : s.probability(j)
            } else {
                g = s.probability(j).multiplying(by: qSum, bits: bits + 8)
                    .adding(DyadicInterval(exactly: -q[j]), bits: bits + 8)
            }
            let scaled = g.multiplyingSigned(byNonNegative: c, bits: bits)
            gradient.append(.interval(sign >= 0 ? scaled : scaled.negated))
        }
        return FamilyOutputs(values: [finiteRowLoss(q: q, distribution: s, bits: bits) ?? loss(q: q, logSoftmax: logS, bits: bits)], gradient: gradient)
    }

    /// -Σ q_i·ln s_i, with 0·(-inf) = 0 (the entropy convention) and ±inf from masked classes.
    private func loss(q: [Dyadic], logSoftmax: [Enclosure], bits: Int) -> Enclosure {
        var finite = DyadicInterval(exactly: .zero)
        var plusInfinity = false, minusInfinity = false
        for (i, ls) in logSoftmax.enumerated() where !q[i].isZero {
            switch ls {
            case .interval(let v): finite = finite.adding(v.negated.multiplying(by: q[i], bits: bits + 8), bits: bits + 8)
            case .infinity: if q[i].signum > 0 { plusInfinity = true } else { minusInfinity = true }
            case .nan: return .nan
            case .exact(let r): finite = finite.adding(DyadicInterval(enclosing: -r * Rational(q[i]), bits: bits + 8), bits: bits + 8)
            }
        }
        if plusInfinity && minusInfinity { return .nan }
        if plusInfinity || minusInfinity { return .infinity(negative: minusInfinity) }
        return .interval(finite.rounded(bits: bits))
    }
}
