import Multiprecision
import SoftmaxReference

/// Judges the convention of an answer to a request with NaN or infinite inputs: by the chosen
/// framework's measured convention where it departs from the limit, else against the reference's
/// limit policy. A failure names the defect ("NaN logit not propagated: output 0 is 45.05") and
/// whether any measured convention explains the answer.
///
/// Conventions, not accuracy: an answer passes when every output has the limit's kind (NaN, the
/// same infinity, the exact 0 of a masked entry) and every finite output is within the profile's
/// bound or within 1/16 of the limit (relative, or 2^-10 absolute). Finite accuracy is the
/// close-to-reference properties' business.
public enum NonFiniteJudge {
    /// Why `answer` is wrong for `request` under `policy` and `profile`, or nil when it is right
    /// (or the implementation declines the function).
    public static func failure(_ request: ImplementationRequest, _ answer: ImplementationAnswer,
                               policy: FrameworkPolicy, profile: Profile) -> String? {
        defect(request, answer, policy: policy, profile: profile).map { $0 + followed(request, answer, besides: policy, profile: profile) }
    }

    /// ``failure(_:_:policy:profile:)`` without naming the conventions that would explain it.
    static func defect(_ request: ImplementationRequest, _ answer: ImplementationAnswer, policy: FrameworkPolicy, profile: Profile) -> String? {
        switch answer {
        case .unsupported, .unavailable: return nil  // nothing to judge: declined, or not run
        case .values, .failure: break
        }
        var conventional: Set<Int> = []  // outputs that are the framework's convention (an activation's)
        switch policy.verdict(request, answer) {
        case .matches: return nil
        case .differs(let reason): return reason
        case .judgeByReference: break
        case .judgeOthersByReference(let indices): conventional = indices
        }
        let outputs: [FloatValue]
        switch answer {
        case .unsupported, .unavailable: return nil  // answered above
        case .failure(let reason): return "the implementation failed: \(reason)"
        case .values(let v): outputs = v
        }
        guard outputs.count == request.expectedOutputCount else { return PropertyContext.wrongCount(request, outputs.count) }
        // A request the reference rejects (say a label out of range) has no answer to judge.
        guard case .values(let limit) = ReferenceImplementation().evaluate(request) else { return nil }
        let judged = outputs.indices.map { conventional.contains($0) ? limit[$0] : outputs[$0] }
        return specialDefect(request, judged, limit) ?? farFromLimit(request, judged, limit, profile)
    }

    /// The first output whose kind (NaN, infinity, the exact 0 of a masked entry) is not the limit's.
    static func specialDefect(_ request: ImplementationRequest, _ outputs: [FloatValue], _ limit: [FloatValue]) -> String? {
        let inputs = request.input + (request.vector ?? []) + (request.target ?? [])
        let masked = maskedOutputs(request)
        for (i, (y, l)) in zip(outputs, limit).enumerated() {
            let shown = y.shortestDecimal
            if l.isNaN, !y.isNaN {
                return inputs.contains(where: \.isNaN)
                    ? "NaN logit not propagated: output \(i) is \(shown)"
                    : "no limit exists (NaN), but output \(i) is \(shown)"
            }
            if y.isNaN, !l.isNaN { return "output \(i) is NaN where the limit is \(l.shortestDecimal)" }
            if l.isInfinite || y.isInfinite, y != l { return "output \(i) is \(shown) where the limit is \(l.shortestDecimal)" }
            if masked.contains(i), l.isZero, !y.isZero { return "output \(i) depends on a masked (−inf) entry alone and is \(shown), not 0" }
        }
        return nil
    }

    /// The outputs that are exactly 0 because a −inf entry's probability is 0: softmax and VJP
    /// entries, Jacobian rows and columns, gradient entries of cross-entropy.
    static func maskedOutputs(_ request: ImplementationRequest) -> Set<Int> {
        let x = request.input, n = x.count
        guard x.contains(where: \.isFinite) else { return [] }
        let minus = Set(x.indices.filter { x[$0].isInfinite && x[$0].isSignMinus })
        switch request.function {
        case .family(.softmax), .family(.softmaxVJP): return minus
        case .family(.jacobian): return Set((0..<(n * n)).filter { minus.contains($0 / n) || minus.contains($0 % n) })
        case .family(.crossEntropy): return Set(minus.map { $0 + 1 })
        case .family(.logSoftmax), .family(.logSumExp), .family(.sigmoid), .activation: return []
        }
    }

    /// The first finite output outside the profile's bound and more than 1/16 (relative) or 2^-10
    /// (absolute) from the limit: a different convention, not a rounding error.
    static func farFromLimit(_ request: ImplementationRequest, _ outputs: [FloatValue], _ limit: [FloatValue], _ profile: Profile) -> String? {
        guard RequestJudge.judge(request, outputs, profile: profile).failure != nil else { return nil }
        let slack = Dyadic(mantissa: 1, exponent: -10)
        for (i, (y, l)) in zip(outputs, limit).enumerated() {
            guard let a = y.dyadic, let b = l.dyadic else { continue }
            let allowed = max(slack, Dyadic(mantissa: 1, exponent: -4) * b.magnitude)
            if (a - b).magnitude > allowed { return "output \(i) is \(y.shortestDecimal) where the limit is \(l.shortestDecimal)" }
        }
        return nil
    }

    /// "; that is the convention of numpy, scipy (--policy numpy)", or that no measured convention gives it.
    static func followed(_ request: ImplementationRequest, _ answer: ImplementationAnswer, besides policy: FrameworkPolicy, profile: Profile) -> String {
        let others = FrameworkPolicy.all.filter { other in
            guard other != policy && other != .limit else { return false }
            switch other.verdict(request, answer) {
            case .matches: return true
            case .judgeOthersByReference: return defect(request, answer, policy: other, profile: profile) == nil
            case .judgeByReference, .differs: return false
            }
        }.map(\.name)
        return others.isEmpty ? "; no measured framework convention gives this"
                              : "; that is the convention of \(others.joined(separator: ", ")) (--policy \(others[0]))"
    }
}
