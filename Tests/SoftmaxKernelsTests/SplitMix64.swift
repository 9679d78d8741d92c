#if canImport(Glibc)
import Glibc
#endif

/// A seedable generator (Steele, Lea & Flood 2014) so every run sees the same rows; `SOFTMAXREF_SEED`
/// overrides the seed, and every failure message prints it.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The seed from `SOFTMAXREF_SEED`, or `fallback`.
    static func seed(default fallback: UInt64) -> UInt64 {
        guard let text = getenv("SOFTMAXREF_SEED"), let value = UInt64(String(cString: text)) else { return fallback }
        return value
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A normal deviate (Box–Muller).
    mutating func normal(sigma: Double = 1) -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &self), v = Double.random(in: 0..<1, using: &self)
        return sigma * (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}
