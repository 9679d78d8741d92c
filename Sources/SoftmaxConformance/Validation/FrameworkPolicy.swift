import Multiprecision
import SoftmaxReference

/// What a framework returns for rows with non-finite or no logits, per function, format and
/// situation, as measured by running its adapter (`tools/measure-policies`; the answers seen are in
/// tools/adapters/policies.json, the tables in FrameworkPolicy+Measured.swift).
/// `validate --policy NAME` judges those rows by this table instead of the limit policy.
public struct FrameworkPolicy: Sendable, Equatable {
    /// The kinds of request the frameworks disagree on (β > 0), decided in this order.
    public enum Situation: String, Sendable, CaseIterable, CustomStringConvertible {
        case empty
        /// NaN together with +inf or −inf entries.
        case nanAndInfinity = "nan-and-infinity"
        /// NaN entries, the rest finite.
        case nan
        case allNegativeInfinity = "all-negative-infinity"
        /// Two or more +inf entries, no NaN.
        case severalPositiveInfinity = "several-positive-infinity"
        /// One +inf entry, the rest finite or −inf.
        case positiveInfinity = "positive-infinity"
        /// −inf entries among finite ones (attention masking).
        case negativeInfinity = "negative-infinity"
        /// Cross-entropy on a masked row with a target that puts no mass on a masked entry:
        /// −Σ q·log s meets 0·(−inf) there.
        case negativeInfinityZeroTarget = "negative-infinity-zero-target"

        public var description: String {
            switch self {
            case .empty: "an empty row"
            case .nanAndInfinity: "NaN with ±inf entries"
            case .nan: "a NaN entry"
            case .allNegativeInfinity: "a row of all −inf"
            case .severalPositiveInfinity: "two or more +inf entries"
            case .positiveInfinity: "one +inf entry"
            case .negativeInfinity: "−inf entries among finite ones"
            case .negativeInfinityZeroTarget: "−inf entries with a target of no mass on one"
            }
        }
    }

    /// What the framework answers in a situation. Outputs are flattened as the protocol's: n
    /// values, 1 for LogSumExp, n·n row-major for the Jacobian, [loss, gradient...] for cross-entropy.
    public enum Answer: String, Sendable, CaseIterable {
        /// The limit policy's answer (the reference's): judged against the reference.
        case limit
        /// NaN in every output.
        case allNaN
        /// An exception: an implementation following it may decline (an error answer).
        case raises
        /// n outputs: NaN at the +inf and NaN entries, −inf at the others (SciPy's log-softmax).
        case negativeInfinityAndNaN
        /// n outputs: NaN at the +inf and NaN entries, 0 or NaN at the others (TensorFlow's
        /// binary32 and bfloat16 softmax: the NaN reaches some lanes of its kernel, not all).
        case nanAtNonFiniteElseZero
        /// n outputs: NaN at the +inf and NaN entries, anything at the others: a NaN that does not
        /// reach every output (ONNX Runtime's binary64 log-softmax unless the NaN is first).
        case nanNotPropagated
        /// LogSumExp: NaN, or ±inf when the row has an entry of that infinity (the NaN dropped).
        case nanOrInfinity
        /// Cross-entropy: the loss is NaN (0·(−inf)); the gradient is finite, 0 at the masked
        /// entries of no target mass (its other values are not compared with the reference).
        case nanLoss

        var text: String {
            switch self {
            case .limit: "the limit"
            case .allNaN: "NaN everywhere"
            case .raises: "an error"
            case .negativeInfinityAndNaN: "NaN at the +inf and NaN entries, −inf elsewhere"
            case .nanAtNonFiniteElseZero: "NaN at the +inf and NaN entries, 0 or NaN elsewhere"
            case .nanNotPropagated: "NaN at the +inf and NaN entries"
            case .nanOrInfinity: "NaN, or an infinity that the row holds"
            case .nanLoss: "a NaN loss and a finite gradient, 0 at the masked entries of no target mass"
            }
        }
    }

    public let name: String
    /// The framework version the table was measured on, and the date.
    public let measured: String
    let answers: [Key: Answer]
    let activationAnswers: [ActivationKey: ElementAnswer]

    struct Key: Hashable, Sendable {
        let function: ReferenceFunction
        let format: FloatFormat
        let situation: Situation
    }

    struct ActivationKey: Hashable, Sendable {
        let activation: Activation
        let format: FloatFormat
        let input: InputClass
    }

    /// A policy from its departures from the limit: (function, formats, situation, answer) for
    /// the family, (activation, formats, input class, answer) for the activations.
    init(name: String, measured: String, _ entries: [(ReferenceFunction, [FloatFormat], Situation, Answer)],
         activations: [(Activation, [FloatFormat], InputClass, ElementAnswer)] = []) {
        self.name = name
        self.measured = measured
        var answers: [Key: Answer] = [:]
        for (function, formats, situation, answer) in entries {
            for format in formats { answers[Key(function: function, format: format, situation: situation)] = answer }
        }
        self.answers = answers
        var activationAnswers: [ActivationKey: ElementAnswer] = [:]
        for (activation, formats, input, answer) in activations {
            for format in formats { activationAnswers[ActivationKey(activation: activation, format: format, input: input)] = answer }
        }
        self.activationAnswers = activationAnswers
    }

    /// The framework's answer for `function` in `format` on a request in `situation` (the limit
    /// when not listed, which includes what the framework does not support).
    public func answer(_ function: ReferenceFunction, _ situation: Situation, format: FloatFormat = .binary32) -> Answer {
        answers[Key(function: function, format: format, situation: situation)] ?? .limit
    }

    /// The situation of a row with inverse temperature `beta`, or nil for a finite row and for
    /// β <= 0 (not measured: judged by the limit).
    public static func situation(of row: [FloatValue], beta: FloatValue) -> Situation? {
        guard (beta.dyadic?.signum ?? 0) > 0 else { return nil }
        if row.isEmpty { return .empty }
        let plus = row.count(where: { $0.isInfinite && !$0.isSignMinus })
        let minus = row.count(where: { $0.isInfinite && $0.isSignMinus })
        if row.contains(where: \.isNaN) { return plus + minus > 0 ? .nanAndInfinity : .nan }
        if minus == row.count { return .allNegativeInfinity }
        if plus >= 2 { return .severalPositiveInfinity }
        if plus == 1 { return .positiveInfinity }
        return minus > 0 ? .negativeInfinity : nil
    }

    /// The situation of a request: that of its row, except that a cross-entropy target with no
    /// mass on a masked entry is a situation of its own. Sigmoid is elementwise, but its row is
    /// classified the same way (every framework measured follows the limit there, element by
    /// element). softmax-vjp's vector and cross-entropy's target must be finite (the reference
    /// rejects others), so they are not looked at otherwise. An activation has none: its
    /// conventions are element by element (``activationVerdict(_:_:_:)``).
    public static func situation(of request: ImplementationRequest) -> Situation? {
        guard case .family = request.function else { return nil }
        let base = situation(of: request.input, beta: request.beta)
        if base == .negativeInfinity, request.function == .crossEntropy, let q = request.target, q.count == request.input.count,
           request.input.indices.contains(where: { request.input[$0].isInfinite && q[$0].isZero }) {
            return .negativeInfinityZeroTarget
        }
        return base
    }

    /// How an answer stands against this policy.
    public enum Verdict: Sendable, Equatable {
        /// The framework follows the limit here: judge against the reference as usual.
        case judgeByReference
        /// The answer is what the framework returns.
        case matches
        /// The outputs at these indices are what the framework returns; judge the others against
        /// the reference (an activation's row, element by element).
        case judgeOthersByReference(Set<Int>)
        /// It is not; the reason says what was expected.
        case differs(String)
    }

    /// `answer` to `request` judged by this framework's convention for the request's situation.
    public func verdict(_ request: ImplementationRequest, _ answer: ImplementationAnswer) -> Verdict {
        if case .activation(let activation) = request.function { return activationVerdict(activation, request, answer) }
        guard let situation = Self.situation(of: request) else { return .judgeByReference }
        guard case .family(let function) = request.function else { return .judgeByReference }
        let expected = self.answer(function, situation, format: request.format)
        let what = "\(request.function.rawValue) of \(situation) in \(request.format.name) under --policy \(name) (\(measured))"
        switch (expected, answer) {
        case (.limit, _), (_, .unsupported), (_, .unavailable): return .judgeByReference
        case (.raises, .values(let v)): return .differs("\(what): the framework raises, but got \(v.map(\.hexString))")
        case (.raises, .failure): return .matches
        case (_, .values(let v)):
            return Self.accepts(expected, request, v) ? .matches
                : .differs("\(what): expected \(expected.text), got \(v.map(\.hexString))")
        case (_, .failure(let reason)): return .differs("\(what): expected \(expected.text), got the error \(reason)")
        }
    }

    /// Does `answer`'s rule accept the outputs `v`? (The rules tools/measure-policies classifies by.)
    static func accepts(_ answer: Answer, _ request: ImplementationRequest, _ v: [FloatValue]) -> Bool {
        let x = request.input
        guard v.count == request.expectedOutputCount else { return false }
        let poisoned = { (i: Int) in x[i].isNaN || (x[i].isInfinite && !x[i].isSignMinus) }
        let elementwise = [.softmax, .logSoftmax, .sigmoid, .softmaxVJP].contains(request.function)
        switch answer {
        case .limit, .raises: return false
        case .allNaN: return !v.isEmpty && v.allSatisfy(\.isNaN)
        case .negativeInfinityAndNaN:
            return elementwise && x.indices.allSatisfy { poisoned($0) ? v[$0].isNaN : v[$0] == .infinity(request.format, negative: true) }
        case .nanAtNonFiniteElseZero:
            return elementwise && x.indices.allSatisfy { poisoned($0) ? v[$0].isNaN : v[$0].isZero || v[$0].isNaN }
        case .nanNotPropagated:
            return elementwise && x.indices.allSatisfy { !poisoned($0) || v[$0].isNaN }
        case .nanOrInfinity:
            guard request.function == .logSumExp else { return false }
            return v[0].isNaN || (v[0].isInfinite && x.contains { $0.isInfinite && $0.isSignMinus == v[0].isSignMinus })
        case .nanLoss:
            guard request.function == .crossEntropy, v[0].isNaN else { return false }
            let gradient = v.dropFirst()
            return gradient.allSatisfy(\.isFinite) && x.indices.allSatisfy { i in
                !(x[i].isInfinite && (request.target?[i].isZero ?? true)) || gradient[gradient.startIndex + i].isZero
            }
        }
    }

    /// Every policy `--policy` accepts, by name.
    public static let all: [FrameworkPolicy] = [.limit, .numpy, .scipy, .jax, .onnxruntime, .pytorch, .tensorflow]

    public static func named(_ name: String) -> FrameworkPolicy? { all.first { $0.name == name } }

    /// SoftmaxRef's own: the limit of the finite formula (see NonFinitePolicy in SoftmaxReference).
    public static let limit = FrameworkPolicy(name: "limit", measured: "the definition", [])
}
