import Multiprecision
import SoftmaxReference

/// What a framework returns for rows with non-finite or no logits, as measured by running its
/// adapter (`tools/validate-peers --policies`, binary32, β = 1, 2026-11-23; tools/adapters/POLICIES.md).
/// `validate --policy NAME` judges those rows by this table instead of the limit policy.
public struct FrameworkPolicy: Sendable, Equatable {
    /// The kinds of row the frameworks disagree on (β > 0; masked −inf entries in an otherwise
    /// finite row give 0 everywhere, as in the limit policy).
    public enum Situation: String, Sendable, CaseIterable {
        case empty = "an empty row"
        case nan = "a NaN entry"
        case allNegativeInfinity = "a row of all −inf"
        case positiveInfinity = "+inf entries"
    }

    /// What the framework answers in a situation.
    public enum Answer: Sendable, Equatable {
        /// The limit policy's answer (the reference's).
        case limit
        /// NaN in every output.
        case allNaN
        /// An exception: an implementation following it may decline (an error answer).
        case raises
        /// −inf for the finite entries and NaN for the +inf ones (SciPy's log-softmax).
        case negativeInfinityAndNaN
        /// NaN at the +inf and NaN entries, and 0 or NaN elsewhere (TensorFlow's binary32 softmax:
        /// the NaN reaches some lanes of its vectorised kernel, not all).
        case nanAtNonFiniteElseZero
    }

    public let name: String
    /// The framework version the table was measured on, and the date.
    public let measured: String
    let answers: [Key: Answer]

    struct Key: Hashable, Sendable {
        let function: ReferenceFunction
        let situation: Situation
    }

    init(name: String, measured: String, _ answers: [(ReferenceFunction, Situation, Answer)]) {
        self.name = name
        self.measured = measured
        self.answers = Dictionary(uniqueKeysWithValues: answers.map { (Key(function: $0.0, situation: $0.1), $0.2) })
    }

    /// The framework's answer for `function` on a row in `situation` (the limit when not listed).
    public func answer(_ function: ReferenceFunction, _ situation: Situation) -> Answer {
        answers[Key(function: function, situation: situation)] ?? .limit
    }

    /// The situation of a row with inverse temperature `beta`, or nil for a finite (or partly
    /// masked) row and for β <= 0, where every framework measured follows the limit.
    public static func situation(of row: [FloatValue], beta: FloatValue) -> Situation? {
        guard (beta.dyadic?.signum ?? 0) > 0 else { return nil }
        if row.isEmpty { return .empty }
        if row.contains(where: \.isNaN) { return .nan }
        if row.allSatisfy({ $0.isInfinite && $0.isSignMinus }) { return .allNegativeInfinity }
        if row.contains(where: { $0.isInfinite && !$0.isSignMinus }) { return .positiveInfinity }
        return nil
    }

    /// How an answer stands against this policy.
    public enum Verdict: Sendable, Equatable {
        /// The framework follows the limit here: judge against the reference as usual.
        case judgeByReference
        /// The answer is what the framework returns.
        case matches
        /// It is not; the reason says what was expected.
        case differs(String)
    }

    /// `answer` to `request` judged by this framework's convention for the request's row.
    public func verdict(_ request: ImplementationRequest, _ answer: ImplementationAnswer) -> Verdict {
        guard let situation = Self.situation(of: request.input, beta: request.beta) else { return .judgeByReference }
        let expected = self.answer(request.function, situation)
        let what = "\(request.function.rawValue) of \(situation.rawValue) under --policy \(name) (\(measured))"
        switch (expected, answer) {
        case (.limit, _), (_, .unavailable): return .judgeByReference
        case (.raises, .values(let v)): return .differs("\(what): the framework raises, but got \(v.map(\.hexString))")
        case (.raises, _): return .matches
        case (_, .values(let v)):
            let x = request.input
            let ok = switch expected {
            case .allNaN: !v.isEmpty && v.allSatisfy(\.isNaN)
            case .nanAtNonFiniteElseZero:
                v.count == x.count && v.indices.allSatisfy { i in x[i].isNaN || (x[i].isInfinite && !x[i].isSignMinus) ? v[i].isNaN : v[i].isZero || v[i].isNaN }
            default:
                v.count == x.count && v.indices.allSatisfy { i in
                    x[i].isInfinite && !x[i].isSignMinus ? v[i].isNaN : v[i] == .infinity(request.format, negative: true)
                }
            }
            return ok ? .matches : .differs("\(what): expected \(Self.describe(expected)), got \(v.map(\.hexString))")
        default: return .differs("\(what): expected \(Self.describe(expected)), got no values")
        }
    }

    static func describe(_ a: Answer) -> String {
        switch a {
        case .limit: "the limit"
        case .allNaN: "NaN everywhere"
        case .raises: "an error"
        case .negativeInfinityAndNaN: "−inf, and NaN at the +inf entries"
        case .nanAtNonFiniteElseZero: "NaN at the +inf and NaN entries, 0 or NaN elsewhere"
        }
    }

    /// Every policy `--policy` accepts, by name.
    public static let all: [FrameworkPolicy] = [.limit, .numpy, .scipy, .jax, .onnxruntime, .pytorch, .tensorflow]

    public static func named(_ name: String) -> FrameworkPolicy? { all.first { $0.name == name } }

    /// SoftmaxRef's own: the limit of the finite formula (see NonFinitePolicy in SoftmaxReference).
    public static let limit = FrameworkPolicy(name: "limit", measured: "the definition", [])

    static let distributions: [ReferenceFunction] = [.softmax, .logSoftmax]

    /// What the measured frameworks share: NaN for +inf entries in softmax and log-softmax.
    static func nanForPositiveInfinity(except: [ReferenceFunction] = []) -> [(ReferenceFunction, Situation, Answer)] {
        distributions.filter { !except.contains($0) }.map { ($0, .positiveInfinity, .allNaN) }
    }

    /// The max-shift idiom `e = np.exp(t - t.max()); e / e.sum()` (numpy_adapter.py).
    public static let numpy = FrameworkPolicy(name: "numpy", measured: "NumPy 2.4.6, 2026-11-23",
        nanForPositiveInfinity() + distributions.map { ($0, .empty, .raises) } + [
            (.logSumExp, .empty, .raises), (.logSumExp, .allNegativeInfinity, .allNaN), (.logSumExp, .positiveInfinity, .allNaN),
        ])
    /// scipy.special.softmax / log_softmax / logsumexp.
    public static let scipy = FrameworkPolicy(name: "scipy", measured: "SciPy 1.17.1, 2026-11-23",
        nanForPositiveInfinity(except: [.logSoftmax]) + distributions.map { ($0, .empty, .raises) } + [
            (.logSoftmax, .positiveInfinity, .negativeInfinityAndNaN),
        ])
    /// jax.nn.softmax / log_softmax, jax.scipy.special.logsumexp (CPU, jitted).
    public static let jax = FrameworkPolicy(name: "jax", measured: "JAX/jaxlib 0.10.2, 2026-11-23", nanForPositiveInfinity())
    /// The Softmax, LogSoftmax and ReduceLogSumExp operators (binary32; float16 differs, see POLICIES.md).
    public static let onnxruntime = FrameworkPolicy(name: "onnxruntime", measured: "ONNX Runtime 1.32.0, 2026-11-23", nanForPositiveInfinity())
    /// tf.nn.softmax / log_softmax, tf.math.reduce_logsumexp (CPU, binary32; in float16 every
    /// one of these rows is NaN everywhere instead).
    public static let tensorflow = FrameworkPolicy(name: "tensorflow", measured: "TensorFlow 2.21.0, 2026-11-24", [
        (.softmax, .positiveInfinity, .nanAtNonFiniteElseZero), (.softmax, .nan, .nanAtNonFiniteElseZero),
        (.logSoftmax, .positiveInfinity, .allNaN),
    ])
    /// torch.softmax / log_softmax / logsumexp (CPU).
    public static let pytorch = FrameworkPolicy(name: "pytorch", measured: "PyTorch 2.15.0, 2026-11-23", nanForPositiveInfinity())
}
