import Multiprecision
import SoftmaxReference

/// The profile's per-output bound for a sweep: strict asks for the correctly rounded value,
/// faithful for one of the two around the exact value, the others for an error within their
/// ulps or relative tolerance (measured on the binary64 estimate of the error).
struct SweepBound: Sendable {
    let profile: Profile
    let function: HarnessFunction
    let arity: Int

    func allows(_ output: FloatValue, _ expected: CorrectRoundings, correct: Bool, error: Double) -> Bool {
        switch profile {
        case .strict: return correct
        case .faithful: return correct || expected.isFaithful(output)
        default:
            if correct { return true }
            let v = expected.approximate, y = output.double
            if !v.isFinite || !y.isFinite { return error.isFinite && error <= profile.ulps(for: function, count: arity) }
            return profile.allows(function: function, format: output.format, count: arity, error: error, distance: (y - v).magnitude, magnitude: v.magnitude)
        }
    }
}
