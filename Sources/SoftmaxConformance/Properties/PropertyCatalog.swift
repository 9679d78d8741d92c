/// Every property, in report order.
public enum PropertyCatalog {
    /// Every property, with the non-finite one judging by `policy`.
    public static func all(policy: FrameworkPolicy) -> [any ConformanceProperty] {
        all.map { $0 is NonFinitePolicyProperty ? NonFinitePolicyProperty(policy: policy) : $0 }
    }

    public static let all: [any ConformanceProperty] = [
        CloseToReference(.softmax), CloseToReference(.logSoftmax), CloseToReference(.logSumExp), CloseToReference(.sigmoid),
        SumToOne(), TranslationInvariance(), ScaleNonInvariance(), SigmoidEquivalence(), JacobianSymmetry(),
        JacobianProductSymmetry(), LogSumExpGradient(), OutputRange(), OrderPreservation(), PermutationEquivariance(), SingletonRow(),
        LogSoftmaxConsistency(), LogSumExpBounds(), CrossEntropyGradient(), NonFinitePolicyProperty(),
    ]

    /// The property named `name`, or nil.
    public static func named(_ name: String) -> (any ConformanceProperty)? { all.first { $0.name == name } }
}
