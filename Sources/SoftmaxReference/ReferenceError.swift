import Multiprecision

/// Why the reference refused a request. Each case carries the offending value.
public enum ReferenceError: Error, Equatable, CustomStringConvertible {
    /// β was NaN or infinite; it must be a finite number (0 and negatives are fine).
    case nonFiniteBeta(String)
    /// The base b was not a finite number > 0.
    case invalidBase(String)
    /// A cross-entropy class label outside 0..<count.
    case labelOutOfRange(label: Int, count: Int)
    /// A cross-entropy target distribution whose length differs from the logits'.
    case targetCountMismatch(targets: Int, logits: Int)
    /// Cross-entropy needs a class label or a target distribution, and got neither or both.
    case needsLabelOrTarget
    /// A cross-entropy target entry that is infinite or NaN.
    case nonFiniteTarget(index: Int, value: String)
    /// softmax-vjp needs a vector of the logits' length, and only softmax-vjp takes one.
    case vectorMismatch(vector: Int?, logits: Int)
    /// A softmax-vjp vector entry that is infinite or NaN.
    case nonFiniteVector(index: Int, value: String)
    /// An activation parameter (alpha, beta, max_value, threshold) that is infinite or NaN.
    case nonFiniteParameter(name: String, value: String)
    /// A parameter given to an activation that does not take it.
    case unusedParameter(name: String, function: String)
    /// softplus with β = 0 (ln 2/0 has no value).
    case zeroSoftplusBeta
    /// Ziv's loop reached its precision cap without deciding the rounding (an internal error).
    case precisionCapReached(bits: Int)

    public var description: String {
        switch self {
        case .nonFiniteBeta(let b):
            "beta must be a finite number (0 and negative values are allowed); got \(b)"
        case .invalidBase(let b):
            "base must be a finite number > 0; got \(b)"
        case .labelOutOfRange(let label, let count):
            "label \(label) is out of range: the logits have \(count) entries, so the label must be in 0..<\(count)"
        case .targetCountMismatch(let targets, let logits):
            "the target distribution has \(targets) entries but the logits have \(logits); they must match"
        case .needsLabelOrTarget:
            "cross-entropy needs exactly one of a class label or a target distribution"
        case .nonFiniteTarget(let index, let value):
            "target entry \(index) is \(value); targets must be finite"
        case .vectorMismatch(let vector, let logits):
            vector.map { "the vector has \($0) entries but the logits have \(logits); they must match" }
                ?? "softmax-vjp needs a vector of \(logits) entries (the same length as the logits)"
        case .nonFiniteVector(let index, let value):
            "vector entry \(index) is \(value); vector entries must be finite"
        case .nonFiniteParameter(let name, let value):
            "\(name) must be a finite number; got \(value)"
        case .unusedParameter(let name, let function):
            "\(function) does not take \(name)"
        case .zeroSoftplusBeta:
            "softplus needs beta != 0 (ln(1 + e^(beta·x))/beta has no value at beta = 0)"
        case .precisionCapReached(let bits):
            "internal error: the rounding was still undecided at \(bits) bits of working precision"
        }
    }
}
