import Multiprecision

extension FixtureSummary {
    /// Counts one answer to case `id`: judged by `policy` (its convention where it has one, else
    /// against the reference with `judge`), then tallied into ``finite`` or ``nonFinite``.
    mutating func record(_ id: String, _ request: ImplementationRequest, _ answer: ImplementationAnswer,
                         policy: FrameworkPolicy, judge: ([FloatValue]) -> Judgement) {
        let values: [FloatValue]?, refusal: String?
        switch answer {
        case .unsupported:
            unsupported += 1
            return
        case .values(let v): (values, refusal) = (v, nil)
        case .failure(let reason): (values, refusal) = (nil, reason)
        }
        cases += 1
        // The judgement against the reference, made at most once whoever asks for it.
        var cached: Judgement?
        func reference() -> Judgement {
            if let cached { return cached }
            let made = values.map(judge) ?? Judgement(maxUlp: .infinity, correctlyRounded: false, failure: refusal)
            cached = made
            return made
        }
        switch policy.verdict(request, answer) {
        case .matches: break
        case .differs(let reason):
            maxUlp = .infinity
            failures.append((id, reason))
        case .judgeByReference:
            let judgement = reference()
            maxUlp = max(maxUlp, judgement.maxUlp)
            if values != nil { errors.append(judgement.maxUlp) }
            if judgement.correctlyRounded { correctlyRounded += 1 }
            if let reason = judgement.failure { failures.append((id, reason)) }
        }
        if NonFiniteConventions.isSpecial(request) {
            nonFinite.add(id, request, answer, reference: reference)
        } else {
            finite.add(reference(), hadValues: values != nil)
        }
    }
}
