import Multiprecision

/// The correctly rounded values of one exact real in a format under the four IEEE rounding
/// directions, and a binary64 approximation of it for measuring errors.
public struct CorrectRoundings: Sendable, Equatable {
    public let nearest: FloatValue
    public let down: FloatValue
    public let up: FloatValue
    /// The exact value within a relative 2^-49 (or the exact value itself when it is a binary64);
    /// for errors in ulps, never for a rounding decision.
    public let approximate: Double

    public init(nearest: FloatValue, down: FloatValue, up: FloatValue, approximate: Double) {
        self.nearest = nearest
        self.down = down
        self.up = up
        self.approximate = approximate
    }

    /// Toward zero is down for values >= +0 and up for values <= -0: the sign is that of `up`
    /// (rounding up keeps a negative value's sign, and gives +0 or more for a non-negative one).
    public var towardZero: FloatValue { up.isSignMinus ? up : down }

    /// The value under `rule` (one of the four directions).
    public func value(_ rule: FloatingPointRoundingRule) -> FloatValue {
        switch rule {
        case .down: down
        case .up: up
        case .towardZero: towardZero
        default: nearest
        }
    }

    /// Whether `output` is one of the two format values around the exact one (NaN for NaN).
    public func isFaithful(_ output: FloatValue) -> Bool {
        if down.isNaN { return output.isNaN }
        return output.bits == down.bits || output.bits == up.bits
    }
}
