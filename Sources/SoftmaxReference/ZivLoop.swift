import Multiprecision

/// Ziv's strategy: evaluate at a working precision, try to decide every rounding from the
/// enclosures, and double the precision for as long as some output is undecided.
///
/// Terminates because the enclosures shrink as the precision grows and, by Lindemann–Weierstrass,
/// the outputs are transcendental except in the cases the enclosures already hold exactly
/// (n = 1, equal logits, β = 0, sigmoid(0), exact powers of a rational base). The cap turns a
/// case that slipped through into an error instead of a hang.
enum ZivLoop {
    /// The working precision at which the loop gives up.
    static let precisionCap = 1 << 15

    /// Decides every output of `request` with `decide`, starting at `initialBits`.
    /// - Complexity: each retry doubles the working precision and recomputes the row.
    static func run<T>(_ request: RowRequest, initialBits: Int,
                       decide: (Enclosure) -> T?) throws(ReferenceError) -> (values: [T], gradient: [T]?) {
        var bits = initialBits
        while bits <= precisionCap {
            let outputs = request.enclosures(bits: bits)
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
