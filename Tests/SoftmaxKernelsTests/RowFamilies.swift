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
            }
        }
    }
}
