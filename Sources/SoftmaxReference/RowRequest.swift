import Multiprecision

/// A validated request for one member of the family on one row.
struct RowRequest {
    let function: ReferenceFunction
    let logits: [FloatValue]
    let scale: LogitScale
    let label: Int?
    let target: [Dyadic]?
    let vector: [Dyadic]?
    /// Below e^-tailBits an exponential is bounded, not evaluated (see ``Exp/point(_:bits:tailBits:)``).
    var tailBits = Exp.binaryTailBits
}
