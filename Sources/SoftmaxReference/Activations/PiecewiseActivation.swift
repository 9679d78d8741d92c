import Multiprecision

/// The activations that are one exact rational expression of x on each piece: their value is
/// rounded once, directly.
enum PiecewiseActivation {
    /// f(x) exactly, for a piecewise rational `point.function`.
    static func value(_ point: ActivationPoint) -> Rational {
        let x = Rational(point.x)
        let zero = Rational(0)
        switch point.function {
        case .softsign:
            return x / (Rational(1) + x.magnitude)
        case .relu:
            return relu(x, point)
        case .relu6:
            return min(max(x, zero), Rational(6))
        case .leakyRelu:
            return x.signum >= 0 ? x : Rational(point.alpha) * x
        case .hardSigmoid:
            return hardSigmoid(x)
        case .hardSwish:
            return x * hardSigmoid(x)
        case .linear:
            return x
        default:
            preconditionFailure("\(point.function) is not piecewise rational")
        }
    }

    /// clip((x + 3)/6, 0, 1).
    private static func hardSigmoid(_ x: Rational) -> Rational {
        min(max((x + Rational(3)) / Rational(6), Rational(0)), Rational(1))
    }

    /// Keras 3's relu: with t the threshold, the positive part x·[x > t] (max(x, 0) when t = 0),
    /// clipped to [0, max_value] when a maximum is given, minus α·max(t - x, 0).
    private static func relu(_ x: Rational, _ point: ActivationPoint) -> Rational {
        let zero = Rational(0)
        let t = Rational(point.threshold)
        var positive = t.isZero ? max(x, zero) : (x > t ? x : zero)
        if let m = point.maxValue { positive = min(max(positive, zero), Rational(m)) }
        return positive - Rational(point.alpha) * max(t - x, zero)
    }
}
