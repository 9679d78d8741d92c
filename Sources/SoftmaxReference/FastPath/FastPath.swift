import Multiprecision

/// Correct roundings of elementwise functions of binary16, bfloat16 and binary32 inputs without
/// GMP, as CORE-MATH does: an enclosure of f(x) in binary64 with a proved relative width, rounded
/// at both ends; when the ends round differently (the enclosure straddles a rounding boundary) the
/// fast path declines and the caller asks the reference (Ziv's loop on GMP).
///
/// The functions served: sigmoid (``SigmoidFastPath``) and e^x (``ExponentialFastPath``), each at
/// β = 1. Finite nonzero inputs only: ±0, ±inf and NaN are the reference's (a handful of inputs).
public enum FastPath {
    /// The relative half-width of every enclosure: 2^-49, above each function's proved error
    /// (at most 4.1·2^-53) plus the rounding of the bounds themselves (2^-53).
    static let relativeWidth = 0x1p-49

    /// The names of the functions served (protocol names).
    public static let functions: Set<String> = ["sigmoid", "exponential"]

    /// The correct roundings of `function(x)`, or nil when the fast path does not serve the
    /// function or format, or cannot decide.
    public static func roundings(_ function: String, _ x: FloatValue) -> CorrectRoundings? {
        guard DoubleRounding.supports(x.format), x.isFinite, !x.isZero else { return nil }
        let v = DoubleRounding.double(x)
        let enclosure: (lo: Double, hi: Double)? = switch function {
        case "sigmoid": SigmoidFastPath.enclosure(v)
        case "exponential": ExponentialFastPath.enclosure(v)
        default: nil
        }
        guard let (lo, hi) = enclosure else { return nil }
        return DoubleRounding.decide(lo: lo, hi: hi, format: x.format)
    }

    /// [q·(1 - 2^-49), q·(1 + 2^-49)] for a positive q computed with relative error below 2^-50.9:
    /// each end is rounded to nearest (a relative 2^-53 at most), so it still encloses the value.
    static func widen(_ q: Double) -> (lo: Double, hi: Double) {
        (q - q * relativeWidth, q + q * relativeWidth)
    }
}
