import Multiprecision

extension FixtureSummary {
    /// Counts one answer to case `id`. A case with a special input (NaN, ±inf, an empty row) is
    /// judged as a convention by ``NonFiniteJudge`` under `policy` and tallied into ``nonFinite``;
    /// any other against the reference with `judge` and tallied into ``finite``.
    mutating func record(_ id: String, _ request: ImplementationRequest, _ answer: ImplementationAnswer,
                         policy: FrameworkPolicy, profile: Profile, judge: ([FloatValue]) -> Judgement) {
        let values: [FloatValue]?, refusal: String?
        switch answer {
        case .unsupported:
            unsupported += 1
            return
        case .unavailable(let reason):
            notRun += 1
            notRunReason = notRunReason ?? reason
            return
        case .values(let v): (values, refusal) = (v, nil)
        case .failure(let reason): (values, refusal) = (nil, reason)
        }
        cases += 1
        if NonFiniteConventions.isSpecial(request) {
            let failure = NonFiniteJudge.failure(request, answer, policy: policy, profile: profile)
            if let failure {
                maxUlp = .infinity
                failures.append((id, failure))
            } else if let values, judge(values).correctlyRounded {
                correctlyRounded += 1
            }
            nonFinite.add(id, request, answer, profile: profile)
            return
        }
        let judgement = values.map(judge) ?? Judgement(maxUlp: .infinity, correctlyRounded: false, failure: refusal)
        maxUlp = max(maxUlp, judgement.maxUlp)
        if values != nil { errors.append(judgement.maxUlp) }
        if judgement.correctlyRounded { correctlyRounded += 1 }
        if let reason = judgement.failure { failures.append((id, reason)) }
        finite.add(judgement, hadValues: values != nil)
    }
}
