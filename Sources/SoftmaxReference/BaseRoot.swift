import Multiprecision

/// A base b > 0, b != 1, written b = a^(2^j) with j as large as possible, so that b^q for a
/// dyadic q is recognised as rational exactly when q·2^j is an integer m (then b^q = a^m).
///
/// Why that is the whole story: b is a binary float, so every exponent q = β·x is dyadic,
/// q = n/2^k with n odd. If k > j then a^(1/2^(k-j)) is irrational, because a is a positive
/// rational that is not a square, so x^(2^(k-j)) - a is irreducible over Q (Capelli) and its root
/// has degree 2^(k-j). Roots of a dyadic are dyadic (the denominator is a power of two), so a is
/// dyadic and a^m is a dyadic or the inverse of one.
struct BaseRoot {
    /// a, with b = a^(2^depth); a is not the square of a rational.
    let root: Dyadic
    let depth: Int

    /// The largest exact powers kept as rationals: |m|·(bits of a) <= this many bits. Beyond it
    /// the weight is a far tail or a series evaluation (e^-50000·ln2 is kept; 2^-10^6 is bounded).
    static let exactBitBudget = 1 << 17

    init(_ base: Dyadic) {
        var mantissa = base.normalized.mantissa.exactInt ?? 0
        var exponent = base.normalized.exponent
        var depth = 0
        while depth < 64, mantissa > 1 || exponent != 0, exponent % 2 == 0,
              let s = BaseRoot.exactSquareRoot(mantissa) {
            mantissa = s
            exponent /= 2
            depth += 1
        }
        root = mantissa > 0 ? Dyadic(mantissa: BigInt(mantissa), exponent: exponent) : base
        self.depth = mantissa > 0 ? depth : 0
    }

    /// m = q·2^depth when it is an integer whose power a^m fits the bit budget, else nil.
    func integerExponent(_ q: Dyadic) -> Int? {
        guard let m = q.timesPowerOfTwo(depth).exactInteger?.exactInt else { return nil }
        let bitsPerStep = root.mantissa.bitWidth + abs(root.exponent)
        guard m.magnitude <= UInt(BaseRoot.exactBitBudget / bitsPerStep) else { return nil }
        return m
    }

    /// a^m for m >= 0.
    func power(_ m: Int) -> Dyadic {
        precondition(m >= 0, "power needs a non-negative exponent")
        return root.power(m)
    }

    /// b^q as a rational when it is one and within the budget: a^m, or 1/a^(-m).
    func rationalPower(_ q: Dyadic) -> Rational? {
        guard let m = integerExponent(q) else { return nil }
        let p = Rational(power(abs(m)))
        return m >= 0 ? p : Rational(1) / p
    }

    /// Whether ρ^m = b^q, for a rational ρ > 0, an integer m != 0 and a dyadic q; false, as a
    /// conservative answer, when q·2^depth does not fit an Int.
    ///
    /// b^q = a^M needs M = q·2^depth to be an integer (otherwise b^q is irrational). With
    /// g = gcd(m, M), ρ^(m/g) = a^(M/g) with coprime exponents holds exactly when a = z^(m/g) and
    /// ρ = z^(M/g) for a rational z > 0; z != 1 (a != 1), so z^p has more than p bits and a p
    /// larger than ρ's size settles it without the power.
    func power(_ rho: Rational, raisedTo m: Int, equals q: Dyadic) -> Bool {
        precondition(m != 0 && rho.signum > 0, "needs m != 0 and ρ > 0")
        guard let wide = q.timesPowerOfTwo(depth).exactInteger else { return false }
        if wide.isZero { return rho == Rational(1) }
        let rhoBits = rho.numerator.bitWidth + rho.denominator.bitWidth
        guard let bigM = wide.exactInt else { return false }
        let g = Int(gcdOf(m.magnitude, bigM.magnitude))
        let p = Int(m.magnitude) / g, e = m > 0 ? bigM / g : -(bigM / g)
        // a = z^p with z != 1 needs p below a's size.
        let a = Rational(root)
        guard p <= max(a.numerator.bitWidth, a.denominator.bitWidth),
              let n = a.numerator.exactRoot(p), let d = a.denominator.exactRoot(p) else { return false }
        return e.magnitude <= UInt(rhoBits) && Rational(n, d).power(e) == rho
    }

    private func gcdOf(_ a: UInt, _ b: UInt) -> UInt { b == 0 ? a : gcdOf(b, a % b) }

    /// √n when n >= 0 is a perfect square, else nil.
    private static func exactSquareRoot(_ n: Int) -> Int? {
        guard n >= 0 else { return nil }
        var s = Int(Double(n).squareRoot())
        while s > 0 && s.multipliedReportingOverflow(by: s).overflow { s -= 1 }
        while s * s > n { s -= 1 }
        while (s + 1) * (s + 1) <= n { s += 1 }
        return s * s == n ? s : nil
    }
}
