#if canImport(Glibc)
import Glibc
#endif

/// A small, fast, seedable generator (Steele, Lea & Flood 2014) so every test run sees the same
/// cases; `SOFTMAXREF_SEED` in the environment overrides the seed, and failures print it.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The seed from `SOFTMAXREF_SEED`, or `fallback`.
    public static func seed(default fallback: UInt64) -> UInt64 {
        guard let text = getEnvironment("SOFTMAXREF_SEED"), let value = UInt64(text) else { return fallback }
        return value
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func getEnvironment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
}
