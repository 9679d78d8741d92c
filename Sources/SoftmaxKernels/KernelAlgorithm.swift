/// The softmax kernels this module offers, selectable by name (`KernelAlgorithm(rawValue: "two-pass")`).
///
/// - `naive`: exp, then divide by the sum, with no max shift. Kept on purpose as the known-bad
///   reference point: it overflows on [123, 456, 789] (NaN and 0) and ignores the non-finite policy.
/// - `twoPass`: scalar, max-shifted; rounds x − max before exp and sums in the working type, so its
///   error grows with n and with the spread of the row (declares no fixed bound).
/// - `online`: scalar, one read for the running max and rescaled sum (Milakov & Gimelshein 2018,
///   "Online normalizer calculation for softmax"), then a second read to write; same accuracy class as
///   `twoPass`.
/// - `simd`: vectorised (`SIMD8<Float>`, `SIMD4<Double>`) with its own exp; x − max is kept as an exact
///   pair, sums are wide or compensated, log-softmax of a dominant entry uses log1p of the others' mass.
///   It declares a bound in ulps for every function and type (``ulpBound(for:type:)``).
///
/// Every function of the family is a method on this enum:
/// ```swift
/// KernelAlgorithm.simd.softmax([1, 2, 3] as [Float])   // [0.09003057, 0.24472848, 0.66524094]
/// ```
public enum KernelAlgorithm: String, CaseIterable, Sendable, Codable {
    case naive
    case twoPass = "two-pass"
    case online
    case simd
}
