import SoftmaxReference

/// Every property, in report order: the softmax family's, then the activations'.
public enum PropertyCatalog {
    /// Every property, with the non-finite ones judging by `policy`.
    public static func all(policy: FrameworkPolicy) -> [any ConformanceProperty] {
        all.map { $0 is NonFinitePolicyProperty ? NonFinitePolicyProperty(policy: policy) : $0 is ActivationNonFinite ? ActivationNonFinite(policy: policy) : $0 }
    }

    /// Those of ``all(policy:)`` that ask for at least one of `functions`.
    public static func all(policy: FrameworkPolicy, asking functions: Set<HarnessFunction>) -> [any ConformanceProperty] {
        all(policy: policy).filter { !$0.functions.isDisjoint(with: functions) }
    }

    public static let all: [any ConformanceProperty] = family + activations

    static let family: [any ConformanceProperty] = [
        CloseToReference(.softmax), CloseToReference(.logSoftmax), CloseToReference(.logSumExp), CloseToReference(.sigmoid),
        SumToOne(), TranslationInvariance(), ScaleNonInvariance(), SigmoidEquivalence(), JacobianSymmetry(),
        JacobianProductSymmetry(), LogSumExpGradient(), OutputRange(), OrderPreservation(), PermutationEquivariance(), SingletonRow(),
        LogSoftmaxConsistency(), LogSumExpBounds(), CrossEntropyGradient(), NonFinitePolicyProperty(),
    ]

    static let activations: [any ConformanceProperty] = Activation.allCases.map(CloseToReference.init) + [
        TanhSigmoidIdentity(), SoftplusLogSumExp(), SoftplusDifference(), LogSigmoidSoftplus(), SigmoidSymmetry(),
        SwishSigmoidProduct(), SeluScaledElu(), MishComposition(), OddSymmetry(.tanh), OddSymmetry(.softsign),
        ActivationMonotonicity(), ActivationRange(), ActivationNonFinite(),
        FiniteDifferenceDerivative(.sigmoid), FiniteDifferenceDerivative(.tanh), FiniteDifferenceDerivative(.softplus),
    ]

    /// The property named `name`, or nil.
    public static func named(_ name: String) -> (any ConformanceProperty)? { all.first { $0.name == name } }
}
