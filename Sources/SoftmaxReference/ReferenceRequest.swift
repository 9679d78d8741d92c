import Multiprecision

/// One question for the reference: a function of the family, a row of logits and its parameters.
///
/// t = β·ln(b)·x: β is the inverse temperature (any finite value; 0 gives the uniform
/// distribution, negative values favour the smallest logits) and b the base (default e; any
/// finite b > 0). All inputs are taken exactly as the binary values they are.
public struct ReferenceRequest: Sendable {
    public let function: ReferenceFunction
    public let input: [FloatValue]
    public let beta: FloatValue
    public let base: FloatValue?
    public let label: Int?
    public let target: [FloatValue]?
    /// The vector v of softmax-vjp.
    public let vector: [FloatValue]?

    /// Validates the parameters.
    /// - Throws: ``ReferenceError`` for a NaN or infinite β, a base that is not finite and > 0,
    ///   or, for cross-entropy, a missing or out-of-range label or a mismatched or non-finite target.
    public init(_ function: ReferenceFunction, input: [FloatValue], beta: FloatValue = FloatValue(1.0),
                base: FloatValue? = nil, label: Int? = nil, target: [FloatValue]? = nil,
                vector: [FloatValue]? = nil) throws(ReferenceError) {
        guard beta.isFinite else { throw .nonFiniteBeta(beta.shortestDecimal) }
        if let base, !(base.isFinite && !base.isZero && !base.isSignMinus) { throw .invalidBase(base.shortestDecimal) }
        if function == .crossEntropy {
            guard (label == nil) != (target == nil) else { throw .needsLabelOrTarget }
            if let label, !(0..<input.count).contains(label) { throw .labelOutOfRange(label: label, count: input.count) }
            if let target {
                guard target.count == input.count else { throw .targetCountMismatch(targets: target.count, logits: input.count) }
                if let bad = target.firstIndex(where: { !$0.isFinite }) {
                    throw .nonFiniteTarget(index: bad, value: target[bad].shortestDecimal)
                }
            }
        }
        if function == .softmaxVJP {
            guard let vector, vector.count == input.count else { throw .vectorMismatch(vector: vector?.count, logits: input.count) }
            if let bad = vector.firstIndex(where: { !$0.isFinite }) {
                throw .nonFiniteVector(index: bad, value: vector[bad].shortestDecimal)
            }
        }
        self.function = function
        self.input = input
        self.beta = beta
        self.base = base
        self.label = function == .crossEntropy ? label : nil
        self.target = function == .crossEntropy ? target : nil
        self.vector = function == .softmaxVJP ? vector : nil
    }

    var rowRequest: RowRequest {
        RowRequest(function: function, logits: input,
                   scale: LogitScale(beta: beta.dyadic!, base: base?.dyadic),
                   label: label, target: target?.map { $0.dyadic! }, vector: vector?.map { $0.dyadic! })
    }
}
