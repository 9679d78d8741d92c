import Multiprecision
import SoftmaxReference

/// Judges one answer against the reference (see ``Judgement``).
public enum RequestJudge {
    /// Judges `outputs` for `request`, computed under `rounding`: strict asks for the reference
    /// rounded the same way; the other profiles measure the distance from the exact value.
    public static func judge(_ request: ImplementationRequest, _ outputs: [FloatValue], profile: Profile,
                             rounding: FloatingPointRoundingRule = .toNearestOrEven) -> Judgement {
        guard outputs.count == request.expectedOutputCount else {
            return Judgement(maxUlp: .infinity, correctlyRounded: false, failure: PropertyContext.wrongCount(request, outputs.count))
        }
        let context = PropertyContext(implementation: ReferenceImplementation(), profile: profile)
        let exact = context.exact(request)
        let rounded: [FloatValue]
        do { rounded = try ReferenceImplementation.rounded(request, rounding: rounding) } catch {
            return Judgement(maxUlp: .infinity, correctlyRounded: false, failure: "the reference rejected the request: \(error)")
        }
        let errors = zip(outputs, exact).map { UlpError.of($0, from: $1) }
        let worst = errors.max() ?? 0
        let correct = zip(outputs, rounded).allSatisfy { CloseToReference.same($0, $1) }
        let mode = rounding == .toNearestOrEven ? "" : " (\(ProtocolNames.name(of: rounding)))"
        var failure: String?
        if profile == .strict, !correct, let i = outputs.indices.first(where: { !CloseToReference.same(outputs[$0], rounded[$0]) }) {
            failure = "output \(i) is \(outputs[i].hexString), correctly rounded\(mode) is \(rounded[i].hexString)"
        } else if profile != .strict, let i = outputs.indices.first(where: {
            !profile.allows(function: request.function, format: request.format, count: request.input.count, error: errors[$0], distance: CloseToReference.distance(outputs[$0], exact[$0]),
                            magnitude: CloseToReference.magnitude(exact[$0]))
        }) {
            failure = "output \(i) is \(outputs[i].hexString), \(UlpErrorText.format(errors[i])) ulp from the exact value (expected\(mode) \(rounded[i].hexString), profile \(profile))"
        }
        return Judgement(maxUlp: worst, correctlyRounded: correct, failure: failure)
    }
}
