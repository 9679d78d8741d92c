import Multiprecision
import SoftmaxReference

/// A function a sweep can take, with its parameters: sigmoid or an activation of one argument,
/// or softmax, log-softmax or LogSumExp of a row of two.
public struct SweepFunction: Sendable {
    public let function: HarnessFunction
    public let alpha: FloatValue?
    public let beta: FloatValue?

    /// The pair functions: every pair of values of a 16-bit format is a point.
    public static let pairFunctions: [HarnessFunction] = [.softmax, .logSoftmax, .logSumExp]

    /// The names a sweep accepts.
    public static var names: [String] {
        (HarnessFunction.allCases.filter(\.isElementwise) + pairFunctions).map(\.rawValue)
    }

    /// Checks that the function is sweepable and takes the parameters given.
    public init(_ name: String, alpha: FloatValue? = nil, beta: FloatValue? = nil) throws(SweepError) {
        guard let function = HarnessFunction(rawValue: name), function.isElementwise || Self.pairFunctions.contains(function) else {
            throw .badInput("cannot sweep '\(name)'; expected one of \(Self.names.joined(separator: ", "))")
        }
        if alpha != nil && !function.takesAlpha { throw .badInput("\(name) takes no --alpha") }
        if beta != nil && !function.takesBeta { throw .badInput("\(name) takes no --beta") }
        for (option, value) in [("--alpha", alpha), ("--beta", beta)] {
            if let value, !value.isFinite { throw .badInput("\(option) must be finite") }
        }
        if function == .activation(.softplus), beta?.isZero == true { throw .badInput("softplus needs --beta != 0") }
        self.function = function
        self.alpha = alpha
        self.beta = beta
    }

    /// Inputs per point: 1, or 2 for the pair functions.
    public var arity: Int { function.isElementwise ? 1 : 2 }

    /// Outputs per point: 2 for softmax and log-softmax of a pair, else 1.
    public var outputsPerPoint: Int { function == .softmax || function == .logSoftmax ? 2 : 1 }

    /// Whether f is non-decreasing, so that outputs of ordered inputs must be ordered: sigmoid and
    /// the activations of ``ActivationMonotonicity`` (elu, leaky-relu and relu with α >= 0).
    public var isMonotone: Bool {
        if function == .sigmoid { return beta.map { !$0.isSignMinus } ?? true }
        guard let a = function.activation, ActivationMonotonicity.monotone.contains(a) else { return false }
        if a == .softplus { return true }
        return alpha.map { !$0.isSignMinus } ?? true
    }

    /// The fast path's name for this function, when it serves it (default parameters only).
    var fastPathName: String? {
        guard alpha == nil, beta.map({ $0.double == 1 }) ?? true, FastPath.functions.contains(function.rawValue) else { return nil }
        return function.rawValue
    }

    /// The requests for `points` (flattened, `arity` values each): one elementwise request for a
    /// unary function, one row per point for a pair function.
    func requests(_ points: [FloatValue], format: FloatFormat) -> [ImplementationRequest] {
        let rows: [[FloatValue]] = arity == 1 ? [points] : stride(from: 0, to: points.count, by: 2).map { Array(points[$0..<($0 + 2)]) }
        return rows.map {
            ImplementationRequest(function, format: format, input: $0, beta: beta, base: nil, label: nil, target: nil,
                                  vector: nil, alpha: alpha, maxValue: nil, threshold: nil)
        }
    }

    /// Enclosures of the exact outputs of `points` at `bits` bits, flattened.
    func enclosures(_ points: [FloatValue], format: FloatFormat, bits: Int) throws(SweepError) -> [Enclosure] {
        var out: [Enclosure] = []
        for r in requests(points, format: format) {
            do {
                switch function {
                case .activation(let a):
                    out += Reference.enclosures(try ActivationRequest(a, input: r.input, parameters: r.activationParameters), format: format, bits: bits)
                case .family(let f):
                    out += Reference.enclosures(try ReferenceRequest(f, input: r.input, beta: r.beta), bits: bits).values
                }
            } catch { throw .badInput(String(describing: error)) }
        }
        return out
    }

    /// The reference's outputs for `points` under `rule`, flattened.
    func reference(_ points: [FloatValue], format: FloatFormat, rule: FloatingPointRoundingRule) throws(SweepError) -> [FloatValue] {
        var out: [FloatValue] = []
        for r in requests(points, format: format) {
            do { out += try ReferenceImplementation.rounded(r, rounding: rule) } catch { throw .badInput(String(describing: error)) }
        }
        return out
    }
}
