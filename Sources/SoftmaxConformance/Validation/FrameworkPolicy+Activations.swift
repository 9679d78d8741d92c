import Multiprecision
import SoftmaxReference

/// The activations' conventions: element by element, what a framework returns at a NaN or
/// infinite input where that is not the limit (softsign(+inf) = inf/inf = NaN where the limit is 1).
extension FrameworkPolicy {
    /// The inputs of an activation whose answer is a convention (measured by tools/measure-policies).
    public enum InputClass: String, Sendable, CaseIterable {
        case nan
        case positiveInfinity = "positive-infinity"
        case negativeInfinity = "negative-infinity"

        /// The class of `x`, or nil for a finite input (judged for accuracy, not by convention).
        public init?(_ x: FloatValue) {
            if x.isNaN { self = .nan } else if x.isInfinite { self = x.isSignMinus ? .negativeInfinity : .positiveInfinity } else { return nil }
        }
    }

    /// What a framework returns for an activation at an input of a class, when not the limit.
    public enum ElementAnswer: String, Sendable, CaseIterable {
        /// NaN where the limit is a number (an inf/inf, 0·inf or inf − inf inside the formula).
        case nan
    }

    /// The framework's answer for `activation` in `format` at inputs of `input`'s class, or nil
    /// when it gives the limit there (which includes what the framework does not support).
    public func answer(_ activation: Activation, at input: InputClass, format: FloatFormat) -> ElementAnswer? {
        activationAnswers[ActivationKey(activation: activation, format: format, input: input)]
    }

    /// An activation's answer: the outputs at inputs where the framework departs from the limit
    /// must be its answer there (NaN); the others are judged against the reference.
    func activationVerdict(_ activation: Activation, _ request: ImplementationRequest, _ answer: ImplementationAnswer) -> Verdict {
        let x = request.input
        let departing = Set(x.indices.filter { i in InputClass(x[i]).flatMap { self.answer(activation, at: $0, format: request.format) } != nil })
        guard !departing.isEmpty else { return .judgeByReference }
        let what = "\(activation.rawValue) in \(request.format.name) under --policy \(name) (\(measured))"
        switch answer {
        case .unsupported, .unavailable: return .judgeByReference
        case .failure(let reason): return .differs("\(what): expected NaN at the inputs \(departing.sorted()), got the error \(reason)")
        case .values(let v):
            guard v.count == x.count else { return .judgeByReference }  // the wrong count is reported as such
            if let i = departing.sorted().first(where: { !v[$0].isNaN }) {
                return .differs("\(what): expected NaN at \(x[i].shortestDecimal) (output \(i)), got \(v[i].shortestDecimal)")
            }
            return .judgeOthersByReference(departing)
        }
    }
}
