import Multiprecision

/// Seeded generators of rows aimed at where implementations break. The i-th case of a run is a
/// function of (seed, property, i) alone, so a failure replays from its seed and index.
public struct RowGenerator: Sendable {
    /// The families, in the order cases cycle through them. `nonFinite` rows are finite
    /// backgrounds of the lengths ``NonFiniteProbes`` places its NaN and infinities in.
    public enum Family: String, CaseIterable, Sendable {
        case plain, ties, nearTies, wide, dominant, huge, tiny, subnormal, signedZeros, masked, long, largeBeta, smallBeta, nonFinite
    }

    public let format: FloatFormat
    public let maximumLength: Int

    public init(format: FloatFormat, maximumLength: Int = 4096) {
        self.format = format
        self.maximumLength = maximumLength
    }

    /// The i-th case for a property whose stream is named `stream`.
    public func generate(seed: UInt64, stream: String, index: Int, families: [Family] = Family.allCases) -> CheckCase {
        var rng = SplitMix64(seed: seed ^ Self.hash(stream) ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        let family = families[index % families.count]
        let n = length(family, &rng)
        var beta = value(1)
        var row: [FloatValue]
        switch family {
        case .plain: row = (0..<n).map { _ in value(normal(&rng) * 3) }
        case .ties: row = (0..<n).map { _ in value(Double(Int.random(in: -2...2, using: &rng))) }
        case .nearTies:
            let base = value(normal(&rng))
            row = (0..<n).map { _ in Bool.random(using: &rng) ? base : base.nextUp }
        case .wide: row = (0..<n).map { _ in value(normal(&rng) * 30) }
        case .dominant:
            row = (0..<n).map { _ in value(normal(&rng)) }
            row[Int.random(in: 0..<n, using: &rng)] = value(Double.random(in: 40...300, using: &rng))
        case .huge:
            let top = FloatValue.greatestFinite(format).double
            row = (0..<n).map { _ in value(top * Double.random(in: -1...1, using: &rng)) }
        case .tiny: row = (0..<n).map { _ in value(normal(&rng) * 1e-6) }
        case .subnormal:
            row = (0..<n).map { _ in FloatValue(format: format, bits: rng.next() & ((1 << UInt64(format.precision - 1)) - 1) | (Bool.random(using: &rng) ? format.signMask : 0)) }
        case .signedZeros: row = (0..<n).map { _ in Bool.random(using: &rng) ? .zero(format) : .zero(format, negative: true) } + [value(normal(&rng))]
        case .masked:
            row = (0..<n).map { _ in value(normal(&rng) * 3) }
            for i in row.indices where Int.random(in: 0..<3, using: &rng) == 0 { row[i] = .infinity(format, negative: true) }
        case .long: row = (0..<n).map { _ in value(normal(&rng) * 2) }
        case .largeBeta:
            row = (0..<n).map { _ in value(normal(&rng)) }
            beta = value(Double.random(in: 10...200, using: &rng))
        case .smallBeta:
            row = (0..<n).map { _ in value(normal(&rng) * 3) }
            beta = value(Double.random(in: 1e-6...1e-2, using: &rng))
        case .nonFinite: row = (0..<n).map { _ in value(normal(&rng) * 3) }
        }
        return CheckCase(row: row, beta: beta, format: format, family: family.rawValue)
    }

    private func length(_ family: Family, _ rng: inout SplitMix64) -> Int {
        switch family {
        case .long: return min(maximumLength, Int.random(in: 300...max(300, maximumLength), using: &rng))
        case .signedZeros: return Int.random(in: 1...4, using: &rng)
        case .nonFinite: return min(maximumLength, NonFiniteProbes.lengths[Int.random(in: 0..<NonFiniteProbes.lengths.count, using: &rng)])
        default: return min(maximumLength, [1, 2, 3, 4, 7, 10, 16, 33][Int.random(in: 0..<8, using: &rng)])
        }
    }

    /// `x` rounded to nearest in the format.
    func value(_ x: Double) -> FloatValue { format.round(FloatValue(x).dyadic ?? .zero, .toNearestOrEven) }

    /// A standard normal deviate (Box–Muller), for shaping test rows only.
    private func normal(_ rng: inout SplitMix64) -> Double {
        let u = Double.random(in: Double.ulpOfOne...1, using: &rng), v = Double.random(in: 0..<1, using: &rng)
        return (-2 * logarithm(u)).squareRoot() * cosine(2 * .pi * v)
    }

    static func hash(_ s: String) -> UInt64 {
        s.utf8.reduce(UInt64(0xCBF2_9CE4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}
