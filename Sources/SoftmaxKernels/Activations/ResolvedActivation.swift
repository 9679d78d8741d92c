/// An activation with its parameters resolved for one storage type: the defaults filled in, and
/// whether β·x must be kept as an exact pair (`Double` storage, β ≠ 1).
struct ResolvedActivation: Sendable {
    let function: ActivationKernel
    let alpha: Double
    let beta: Double
    let maxValue: Double?
    let threshold: Double
    /// True when β·x rounds in `Double` and its error must be carried (`Double` storage, β ∉ {1, 0}).
    let pairedProduct: Bool

    init<S: ActivationStorage>(_ function: ActivationKernel, _ p: ActivationKernelParameters, _: S.Type) {
        self.function = function
        let defaultAlpha: Double = switch function {
        case .leakyRelu: Double(S.rounded(0.01))
        case .relu: 0
        default: 1
        }
        alpha = p.alpha ?? defaultAlpha
        beta = p.beta ?? 1
        maxValue = p.maxValue
        threshold = p.threshold ?? 0
        // A product of two Float (or Float16) values is exact in Double; Dekker's split needs |β| < 2⁹⁰⁰.
        pairedProduct = S.self == Double.self && beta != 1 && beta != 0 && abs(beta) < 0x1p900
    }
}
