import Multiprecision

extension Reference {
    /// softmax(β·ln(b)·x), correctly rounded; see ``ReferenceRequest`` for β and b.
    public static func softmax(_ x: [FloatValue], beta: FloatValue = FloatValue(1.0), base: FloatValue? = nil,
                               format: FloatFormat, rounding: FloatingPointRoundingRule = .toNearestOrEven) throws(ReferenceError) -> [FloatValue] {
        try evaluate(ReferenceRequest(.softmax, input: x, beta: beta, base: base), format: format, rounding: rounding).values
    }

    /// log-softmax, correctly rounded; accurate for dominant logits (log1p of the others' mass).
    public static func logSoftmax(_ x: [FloatValue], beta: FloatValue = FloatValue(1.0), base: FloatValue? = nil,
                                  format: FloatFormat, rounding: FloatingPointRoundingRule = .toNearestOrEven) throws(ReferenceError) -> [FloatValue] {
        try evaluate(ReferenceRequest(.logSoftmax, input: x, beta: beta, base: base), format: format, rounding: rounding).values
    }

    /// ln Σ e^(t_i), correctly rounded; -inf for an empty or all -inf row.
    public static func logSumExp(_ x: [FloatValue], beta: FloatValue = FloatValue(1.0), base: FloatValue? = nil,
                                 format: FloatFormat, rounding: FloatingPointRoundingRule = .toNearestOrEven) throws(ReferenceError) -> FloatValue {
        try evaluate(ReferenceRequest(.logSumExp, input: x, beta: beta, base: base), format: format, rounding: rounding).values[0]
    }

    /// σ(β·ln(b)·x_i) elementwise, correctly rounded; bit for bit softmax([x_i, 0])_0.
    public static func sigmoid(_ x: [FloatValue], beta: FloatValue = FloatValue(1.0), base: FloatValue? = nil,
                               format: FloatFormat, rounding: FloatingPointRoundingRule = .toNearestOrEven) throws(ReferenceError) -> [FloatValue] {
        try evaluate(ReferenceRequest(.sigmoid, input: x, beta: beta, base: base), format: format, rounding: rounding).values
    }

    /// The softmax Jacobian ∂s_i/∂x_j as n rows of n values, each correctly rounded.
    public static func softmaxJacobian(_ x: [FloatValue], beta: FloatValue = FloatValue(1.0), base: FloatValue? = nil,
                                       format: FloatFormat, rounding: FloatingPointRoundingRule = .toNearestOrEven) throws(ReferenceError) -> [[FloatValue]] {
        let flat = try evaluate(ReferenceRequest(.jacobian, input: x, beta: beta, base: base), format: format, rounding: rounding).values
        return stride(from: 0, to: flat.count, by: max(x.count, 1)).map { Array(flat[$0..<$0 + x.count]) }
    }

    /// Cross-entropy of logits `x` against class `label`: the loss -ln s_label and its gradient
    /// c·(s - onehot(label)), each correctly rounded.
    public static func crossEntropy(_ x: [FloatValue], label: Int, beta: FloatValue = FloatValue(1.0), base: FloatValue? = nil,
                                    format: FloatFormat, rounding: FloatingPointRoundingRule = .toNearestOrEven) throws(ReferenceError) -> (loss: FloatValue, gradient: [FloatValue]) {
        let r = try evaluate(ReferenceRequest(.crossEntropy, input: x, beta: beta, base: base, label: label), format: format, rounding: rounding)
        return (r.values[0], r.gradient!)
    }

    /// Cross-entropy of logits `x` against a target distribution q: -Σ q_i ln s_i and its gradient
    /// c·(s·Σq - q), each correctly rounded.
    public static func crossEntropy(_ x: [FloatValue], target: [FloatValue], beta: FloatValue = FloatValue(1.0), base: FloatValue? = nil,
                                    format: FloatFormat, rounding: FloatingPointRoundingRule = .toNearestOrEven) throws(ReferenceError) -> (loss: FloatValue, gradient: [FloatValue]) {
        let r = try evaluate(ReferenceRequest(.crossEntropy, input: x, beta: beta, base: base, target: target), format: format, rounding: rounding)
        return (r.values[0], r.gradient!)
    }

    /// The softmax vector-Jacobian product c·s ⊙ (v - ⟨v, s⟩) (also J·v: J is symmetric), each
    /// entry correctly rounded; c = β·ln b.
    public static func softmaxVJP(_ x: [FloatValue], vector: [FloatValue], beta: FloatValue = FloatValue(1.0), base: FloatValue? = nil,
                                  format: FloatFormat, rounding: FloatingPointRoundingRule = .toNearestOrEven) throws(ReferenceError) -> [FloatValue] {
        try evaluate(ReferenceRequest(.softmaxVJP, input: x, beta: beta, base: base, vector: vector), format: format, rounding: rounding).values
    }
}
