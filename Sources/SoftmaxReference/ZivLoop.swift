import Multiprecision

/// Ziv's strategy: evaluate at a working precision, try to decide every rounding from the
/// enclosures, and double the precision for as long as some output is undecided.
///
/// Why it terminates. The enclosures converge to the exact value as the precision grows (series
/// with explicit remainders; far tails bounded by 2^-max(1200, 2·bits)), so an output is decided
/// unless it is a rounding boundary (a float, or a midpoint: a dyadic). The outputs that are
/// dyadic are held as closed points; every other output is not dyadic:
/// - Base e: the weights e^(t_i) have distinct rational exponents per group of equal logits, and
///   by Lindemann–Weierstrass they are linearly independent over the algebraic numbers. So
///   softmax, the Jacobian, the VJP and the gradients are rational only when every weight is (one
///   group: equal logits, β = 0, n = 1), held exactly; the VJP is 0 exactly when every group
///   coefficient C_G is, held exactly. ln S (S = Σ e^(d_j) != 1) and ln of an algebraic number
///   other than 1 are transcendental (Hermite–Lindemann), so log-softmax, LSE and the loss are
///   transcendental besides the exact cases held (a lone finite logit; Σq = 0 in the loss).
/// - Base b != e (a binary float, so rational): b^(β·x) is algebraic. ``BaseRoot`` shows the
///   weights split into classes with rational ratios, linearly independent over Q across
///   classes (Capelli); a rational softmax needs a single class, which ``Weights`` holds exactly,
///   and a VJP cancels only class by class, which `combined` sums exactly.
///   c = β·ln b is transcendental (b != 1), so c times a non-zero algebraic number is too: the
///   derivatives are exact 0 or decided. LSE = ln(algebraic) is 0 (held) or transcendental.
/// - Far tails (weights below e^-max(1200, 2·bits)) are bounded, not evaluated; where they decide
///   a sign (a VJP whose head cancels, 1 - s_r, LSE = ln(1 + tail)) the bound is open at the
///   exact value, so the rounding is decided from the side.
/// - The cross-entropy loss with a base b != e splits off ln X, X = b^(-2^k·β·R)·(E/w_r)^m for
///   Σq = m/2^k: X = 1 is recognised at any size (roots and powers of the base's root), so a loss
///   of 0 is exact and one that is only a far tail's trace is decided from the side.
/// What is not proved: an output held as an enclosure although it is rational (weights past
/// ``BaseRoot/exactBitBudget``, a loss whose X is neither 1 nor within the budget) could lie
/// closer to a rounding boundary than 2^-32768 without being on it; no such input is known, and
/// the cap stays as an internal-error safety net (exit 3) rather than a hang.
enum ZivLoop {
    /// The working precision at which the loop gives up.
    static let precisionCap = 1 << 15

    /// Decides every output of `request` with `decide`, starting at `initialBits`.
    /// - Complexity: each retry doubles the working precision and recomputes the row.
    static func run<T>(_ request: RowRequest, initialBits: Int,
                       decide: (Enclosure) -> T?) throws(ReferenceError) -> (values: [T], gradient: [T]?) {
        try run(initialBits: initialBits, enclosures: request.enclosures(bits:), decide: decide)
    }

    /// Decides every output that `enclosures` gives at a working precision, starting at `initialBits`.
    static func run<T>(initialBits: Int, enclosures: (Int) -> FamilyOutputs,
                       decide: (Enclosure) -> T?) throws(ReferenceError) -> (values: [T], gradient: [T]?) {
        var bits = initialBits
        while bits <= precisionCap {
            let outputs = enclosures(bits)
            let values = outputs.values.map(decide)
            let gradient = outputs.gradient?.map(decide)
            if values.allSatisfy({ $0 != nil }) && (gradient?.allSatisfy({ $0 != nil }) ?? true) {
                return (values.map { $0! }, gradient?.map { $0! })
            }
            bits *= 2
        }
        throw .precisionCapReached(bits: precisionCap)
    }
}
