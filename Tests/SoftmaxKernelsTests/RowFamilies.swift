/// The row families the accuracy tests draw from, aimed at where kernels break.
enum RowFamily: String, CaseIterable {
    case standard        // N(0, 1)
    case wide            // N(0, 30²): x − max is inexact, every peer loses ~65/128 ulps here
    case masked          // N(0, 4²) with a third of the entries −inf
    case ties            // small integers: many exact ties at the max
    case dominant        // one logit 40–700 above the rest
    case huge            // values near 1e30, spread 1e30
    case tiny            // subnormal-scale spread around 0
    case negative        // −1 − |N(0, 8²)|, like log-probabilities: every x ≤ max ≤ 0
    case high            // 64 − |N(0, 20²)|: a max just below 64, the largest exps taken unshifted
    case extremeExps     // the arguments where the Float kernel's exp errs most: a quarter high, the rest low

    /// The arguments h in [1, 64) where the C kernel's Float e^h errs most above (+1.28·2⁻²⁴) and
    /// below (−1.22·2⁻²⁴) e^h, from `tools/exp-bound --extremes`: an output whose exp is low over a Σ
    /// whose terms are high errs about twice the exp's error (2.8 ulps measured on a batch, against
    /// about 2 for the other families). Inputs only: the expected values come from the reference.
    /// Scan again when the exp changes.
    static let expHigh: [Double] = [0x1.4cc98p+2, 0x1.758facp+2, 0x1.76e12ep+2, 0x1.75f898p+2,
                                    0x1.df479cp+5, 0x1.754436p+2, 0x1.df6812p+5, 0x1.7656d4p+2]
    static let expLow: [Double] = [0x1.048ddp+4, 0x1.b5f544p+4, 0x1.b5f744p+4, 0x1.b4bd66p+4,
                                   0x1.b48a06p+4, 0x1.4c739ep+2, 0x1.b60a54p+4, 0x1.4c7ffcp+2]

    func row(_ n: Int, _ rng: inout SplitMix64) -> [Double] {
        (0..<n).map { i in
            switch self {
            case .standard: rng.normal()
            case .wide: rng.normal(sigma: 30)
            case .masked: Int.random(in: 0..<3, using: &rng) == 0 && i > 0 ? -.infinity : rng.normal(sigma: 4)
            case .ties: Double(Int.random(in: -3...3, using: &rng))
            case .dominant: i == 0 ? Double.random(in: 40...700, using: &rng) : rng.normal()
            case .huge: rng.normal(sigma: 1e30)
            case .tiny: rng.normal(sigma: 1e-30)
            case .negative: -1 - abs(rng.normal(sigma: 8))
            case .high: 64 - abs(rng.normal(sigma: 20))
            case .extremeExps: (Int.random(in: 0..<4, using: &rng) == 0 ? Self.expHigh : Self.expLow).randomElement(using: &rng)!
            }
        }
    }
}
