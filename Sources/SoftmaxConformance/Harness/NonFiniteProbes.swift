import Multiprecision
import SoftmaxReference

/// Rows with NaN and infinite entries placed where vectorised code paths differ: the first and
/// last entries, the middle, and the edges of 8-, 16- and 32-lane vectors. Built on a finite
/// background row, for every function of the family.
public enum NonFiniteProbes {
    /// Row lengths that put the lane edges at a row's start, middle and tail.
    public static let lengths = [1, 2, 3, 17, 33, 100]
    /// The first and last lane of the vectors of 8, 16 and 32 elements.
    public static let laneEdges = [0, 7, 8, 15, 16, 31, 32]

    /// What is placed in the background row.
    public enum Pattern: String, CaseIterable, Sendable {
        case nan = "NaN"
        case positiveInfinity = "+inf"
        case negativeInfinity = "−inf mask"
        case twoPositiveInfinities = "two +inf"
        case nanWithPositiveInfinity = "NaN and +inf"
        case nanWithNegativeInfinity = "NaN and −inf"
        case onlyOneFinite = "−inf everywhere else"
        case allNegativeInfinity = "all −inf"

        /// Whether the pattern places a second special value (at ``NonFiniteProbes/partner(of:count:)``).
        var needsPartner: Bool { [.twoPositiveInfinities, .nanWithPositiveInfinity, .nanWithNegativeInfinity].contains(self) }
    }

    /// One probe row: the pattern, where it was placed, and the row.
    public struct Probe: Sendable {
        public let pattern: Pattern
        public let position: Int
        public let row: [FloatValue]

        /// "NaN at 8 of 17".
        public var description: String {
            pattern == .allNegativeInfinity ? "all −inf, n = \(row.count)" : "\(pattern.rawValue) at \(position) of \(row.count)"
        }
    }

    /// The positions probed in a row of `count`: the lane edges inside it, the middle and the last.
    public static func positions(count: Int) -> [Int] {
        guard count > 0 else { return [] }
        var seen = Set<Int>()
        return (laneEdges.filter { $0 < count } + [count / 2, count - 1]).filter { seen.insert($0).inserted }
    }

    /// Where a second special value goes: the last entry, or the first when `position` is last.
    public static func partner(of position: Int, count: Int) -> Int { position == count - 1 ? 0 : count - 1 }

    /// Every pattern at every probed position of `background` (an empty background gives none).
    public static func probes(_ background: [FloatValue], format: FloatFormat) -> [Probe] {
        let n = background.count
        guard n > 0 else { return [] }
        let nan = FloatValue.nan(format), plus = FloatValue.infinity(format), minus = FloatValue.infinity(format, negative: true)
        var probes = [Probe(pattern: .allNegativeInfinity, position: 0, row: Array(repeating: minus, count: n))]
        for p in positions(count: n) {
            for pattern in Pattern.allCases where pattern != .allNegativeInfinity && (n > 1 || !pattern.needsPartner) {
                var row = background
                let q = partner(of: p, count: n)
                switch pattern {
                case .nan: row[p] = nan
                case .positiveInfinity: row[p] = plus
                case .negativeInfinity: row[p] = minus
                case .twoPositiveInfinities: row[p] = plus; row[q] = plus
                case .nanWithPositiveInfinity: row[p] = nan; row[q] = plus
                case .nanWithNegativeInfinity: row[p] = nan; row[q] = minus
                case .onlyOneFinite: row = (0..<n).map { $0 == p ? background[p].finiteOr(.zero(format)) : minus }
                case .allNegativeInfinity: break
                }
                probes.append(Probe(pattern: pattern, position: p, row: row))
            }
        }
        return probes
    }

    /// The requests that put `probe` to every function: cross-entropy twice (the label on the
    /// probed entry and beside it), softmax-vjp with a fixed finite vector, the Jacobian only for
    /// rows of at most `jacobianLimit` (its n² outputs).
    public static func requests(_ probe: Probe, format: FloatFormat, beta: FloatValue, jacobianLimit: Int = 33) -> [ImplementationRequest] {
        let row = probe.row, n = row.count
        var requests = [ReferenceFunction.softmax, .logSoftmax, .logSumExp, .sigmoid].map {
            ImplementationRequest($0, format: format, input: row, beta: beta)
        }
        if n <= jacobianLimit { requests.append(ImplementationRequest(.jacobian, format: format, input: row, beta: beta)) }
        for label in Set([probe.position, (probe.position + 1) % n]).sorted() {
            requests.append(ImplementationRequest(.crossEntropy, format: format, input: row, beta: beta, label: label))
        }
        let vector = (0..<n).map { format.round(Dyadic($0 % 5 - 2), .toNearestOrEven) }
        requests.append(ImplementationRequest(.softmaxVJP, format: format, input: row, beta: beta, vector: vector))
        return requests
    }
}

private extension FloatValue {
    /// This value when finite, else `fallback`.
    func finiteOr(_ fallback: FloatValue) -> FloatValue { isFinite ? self : fallback }
}
