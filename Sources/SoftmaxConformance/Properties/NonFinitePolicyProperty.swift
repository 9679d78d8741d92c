import Multiprecision

/// The "limit" policy for rows with infinite or NaN logits (see the README), or a framework's
/// measured convention (``FrameworkPolicy``) where it differs.
public struct NonFinitePolicyProperty: ConformanceProperty {
    public let policy: FrameworkPolicy
    public init(policy: FrameworkPolicy = .limit) { self.policy = policy }
    public let name = "non-finite-policy"
    public let statement = "−inf entries give exactly 0; k +inf entries give 1/k each (within u ulps) and 0 elsewhere; a NaN gives NaN everywhere; an all −inf row gives NaN"
    public let rationale = "These are the limits of the finite formula (IEEE e^-inf = 0); a fully masked row has no limit."
    public var families: [RowGenerator.Family] { [.masked, .plain, .ties] }

    public func check(_ c: CheckCase, _ context: PropertyContext) -> Verdict {
        guarded { () throws(PropertyContext.Refusal) in
            guard !c.row.isEmpty, (c.beta.dyadic?.signum ?? 0) > 0 else { return .skip("needs a row and β > 0") }
            let f = c.format
            func softmax(_ row: [FloatValue]) throws(PropertyContext.Refusal) -> [FloatValue] {
                try context.outputs(ImplementationRequest(.softmax, format: f, input: row, beta: c.beta))
            }
            // Rows where the chosen framework departs from the limit are judged by its table.
            var probes = [c.row, Array(repeating: .infinity(f, negative: true), count: c.row.count)]
            probes += (1...min(2, c.row.count)).map { k in (0..<c.row.count).map { $0 < k ? .infinity(f) : c.row[$0] } }
            var poisoned = c.row
            poisoned[poisoned.count - 1] = .nan(f)
            probes.append(poisoned)
            if policy != .limit {
                for row in probes {
                    let request = ImplementationRequest(.softmax, format: f, input: row, beta: c.beta)
                    if case .differs(let reason) = policy.verdict(request, context.implementation.evaluate(request)) {
                        return .fail(reason: reason, maxUlp: .infinity)
                    }
                }
            }
            func departs(_ row: [FloatValue]) -> Bool {
                guard let s = FrameworkPolicy.situation(of: row, beta: c.beta) else { return false }
                return policy.answer(.softmax, s, format: f) != .limit
            }
            // Masked entries.
            let masked = try softmax(c.row)
            for i in c.row.indices where c.row[i] == .infinity(f, negative: true) && c.row.contains(where: \.isFinite) {
                if !(masked[i].isZero) { return .fail(reason: "masked entry \(i) gave \(masked[i].hexString), not 0", maxUlp: .infinity) }
            }
            // One or two +inf entries.
            for k in 1...min(2, c.row.count) {
                var row = c.row
                for i in 0..<k { row[i] = .infinity(f) }
                if departs(row) { continue }
                let s = try softmax(row)
                let share = f.round(Rational(1, BigInt(k)), .toNearestOrEven)
                for i in row.indices {
                    let ok = i < k ? s[i].dyadic.map { ($0 - share.dyadic!).magnitude <= context.tolerance(.softmax, around: share) } ?? false
                                   : s[i].isZero
                    if !ok { return .fail(reason: "with \(k) +inf logits, output \(i) is \(s[i].hexString)", maxUlp: .infinity) }
                }
            }
            // A NaN anywhere.
            if !departs(poisoned), let i = try softmax(poisoned).firstIndex(where: { !$0.isNaN }) {
                return .fail(reason: "a NaN logit left output \(i) a number", maxUlp: .infinity)
            }
            // A fully masked row.
            let fullyMasked = probes[1]
            if !departs(fullyMasked), let i = try softmax(fullyMasked).firstIndex(where: { !$0.isNaN }) {
                return .fail(reason: "a fully masked row gave a number at \(i) (the limit policy says NaN)", maxUlp: .infinity)
            }
            return .pass(maxUlp: 0)
        }
    }
}

/// Every property, in report order.
public enum PropertyCatalog {
    /// Every property, with the non-finite one judging by `policy`.
    public static func all(policy: FrameworkPolicy) -> [any ConformanceProperty] {
        all.map { $0 is NonFinitePolicyProperty ? NonFinitePolicyProperty(policy: policy) : $0 }
    }

    public static let all: [any ConformanceProperty] = [
        CloseToReference(.softmax), CloseToReference(.logSoftmax), CloseToReference(.logSumExp), CloseToReference(.sigmoid),
        SumToOne(), TranslationInvariance(), ScaleNonInvariance(), SigmoidEquivalence(), JacobianSymmetry(),
        JacobianProductSymmetry(), LogSumExpGradient(), Range(), OrderPreservation(), PermutationEquivariance(), Singleton(),
        LogSoftmaxConsistency(), LogSumExpBounds(), CrossEntropyGradient(), NonFinitePolicyProperty(),
    ]

    /// The property named `name`, or nil.
    public static func named(_ name: String) -> (any ConformanceProperty)? { all.first { $0.name == name } }
}
