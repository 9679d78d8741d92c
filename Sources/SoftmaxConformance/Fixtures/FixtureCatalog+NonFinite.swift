import Multiprecision
import SoftmaxReference

extension FixtureCatalog {
    /// The non-finite probes of the harness (``NonFiniteProbes``) for one function, on a fixed
    /// background of quarters (exact in every format): every pattern at every position of rows of
    /// 1, 2 and 3; NaN, +inf and a −inf mask at each lane edge of rows of 17 and 33, and the other
    /// patterns at lane 8. The Jacobian stops at 17 (its n² outputs).
    static func nonFinite(_ function: ReferenceFunction) -> [FixtureDefinition] {
        let lengths = function == .jacobian ? [1, 2, 3, 17] : [1, 2, 3, 17, 33]
        let edgePatterns: [NonFiniteProbes.Pattern] = [.nan, .positiveInfinity, .negativeInfinity]
        return lengths.flatMap { n -> [FixtureDefinition] in
            let background = (0..<n).map { FloatValue(Double((($0 * 7) % 11) - 5) / 4) }
            return NonFiniteProbes.probes(background, format: .binary64).filter { probe in
                n <= 3 || probe.pattern == .allNegativeInfinity || probe.position == 8
                    || (edgePatterns.contains(probe.pattern) && NonFiniteProbes.laneEdges.dropFirst().contains(probe.position)
                        && (function != .jacobian || probe.position == 8))
            }.flatMap { definitions(function, $0) }
        }
    }

    /// The cases of one probe: cross-entropy with the label on the probed entry and beside it.
    static func definitions(_ function: ReferenceFunction, _ probe: NonFiniteProbes.Probe) -> [FixtureDefinition] {
        let n = probe.row.count
        let id = "nonfinite-n\(n)-" + (probe.pattern == .allNegativeInfinity ? "all-minus-inf" : "\(slug(probe.pattern))-at\(probe.position)")
        let base = FixtureDefinition(id, function, "\(probe.description)", source: "non-finite probes at lane edges",
                                     input: probe.row.map(\.hexString))
        switch function {
        case .crossEntropy:
            return Set([probe.position, (probe.position + 1) % n]).sorted().map { (index: Int) in
                FixtureDefinition(id + "-label\(index)", function, "\(probe.description), label \(index)",
                                  source: base.source, input: base.input).with { $0.label = index }
            }
        case .softmaxVJP:
            return [base.with { $0.vector = (0..<n).map { String($0 % 5 - 2) } }]
        default:
            return [base]
        }
    }

    /// "nan", "plus-inf", "minus-inf-mask", ... for case ids.
    static func slug(_ pattern: NonFiniteProbes.Pattern) -> String {
        switch pattern {
        case .nan: "nan"
        case .positiveInfinity: "plus-inf"
        case .negativeInfinity: "minus-inf-mask"
        case .twoPositiveInfinities: "two-plus-inf"
        case .nanWithPositiveInfinity: "nan-and-plus-inf"
        case .nanWithNegativeInfinity: "nan-and-minus-inf"
        case .onlyOneFinite: "only-finite"
        case .allNegativeInfinity: "all-minus-inf"
        }
    }
}
