import Foundation
import Multiprecision
import SoftmaxConformance
import SoftmaxReference
import Testing
import _SoftmaxTestSupport

/// The activation properties have teeth: each catches a deliberately broken implementation (the
/// careful binary64 activations of ``DoubleActivations`` with one function replaced), which the
/// unbroken ones pass (``HarnessTeethTests/goodKernelPasses()``).
@Suite struct ActivationTeethTests {
    typealias Mutant = HarnessTeethTests.Mutant

    /// A kernel whose `activation` is replaced by `body`.
    static func replacing(_ activation: Activation, _ name: String, _ body: @escaping DoubleActivations.Function) -> DoubleKernel {
        var kernel = DoubleKernel(name: name)
        kernel.activations[activation] = body
        return kernel
    }

    static let mutants: [Mutant] = {
        // Off by a relative 2^-10, far beyond 8 ulps of binary32, for each activation.
        let offByOne = Activation.allCases.map { a in
            let careful = DoubleActivations.careful(a)
            return Mutant(kernel: replacing(a, "\(a.rawValue)-off-by-2^-10") { x, p in careful(x, p) * (1 + 0x1p-10) },
                          property: "close-to-reference/\(a.rawValue)")
        }
        // A Taylor cutoff too wide for the terms kept: x − x³/3 up to |x| = 1/2 errs by 2x⁵/15.
        let taylor = replacing(.tanh, "tanh-taylor-cutoff-too-wide") { x, _ in abs(x) < 0.5 ? x - x * x * x / 3 : Foundation.tanh(x) }
        // The textbook ln(1 + e^x): 0 below x ≈ -37 where e^x is still a binary32 value, +inf past 709.
        let naiveSoftplus = replacing(.softplus, "softplus-naive-log-of-one-plus-exp") { x, p in log(1 + exp(p.beta * x)) / p.beta }
        // A shortcut on the negative side: softplus(x) = 0 below -20 (e^-20 ≈ 2e-9 is lost).
        let flushed = replacing(.softplus, "softplus-flushes-below-minus-20") { x, p in
            p.beta * x < -20 ? 0 : DoubleActivations.softplus(p.beta * x) / p.beta
        }
        // ln σ(x) with σ evaluated first: σ underflows to 0 below -745, and ln 0 = -inf.
        let logOfSigmoid = replacing(.logSigmoid, "log-sigmoid-as-log-of-sigmoid") { x, _ in log(DoubleActivations.sigmoid(x)) }
        var sigmoidBranch = DoubleKernel(name: "sigmoid-negative-branch-without-denominator")
        sigmoidBranch.sigmoid = { x, beta in x.map { $0 * beta >= 0 ? 1 / (1 + exp(-$0 * beta)) : exp($0 * beta) } }
        let swishIgnoresBeta = replacing(.swish, "swish-ignores-beta") { x, _ in x * DoubleActivations.sigmoid(x) }
        let seluLambda = replacing(.selu, "selu-without-lambda-below-zero") { x, _ in
            x > 0 ? DoubleActivations.seluLambda * x : DoubleActivations.seluAlpha * expm1(x)
        }
        let mishAsSwish = replacing(.mish, "mish-as-swish") { x, _ in x * DoubleActivations.sigmoid(x) }
        // (e^2x − 1)/(e^2x + 1): NaN (inf/inf) above x ≈ 355, but -1 below -355.
        let oneSided = replacing(.tanh, "tanh-one-sided-overflow") { x, _ in (exp(2 * x) - 1) / (exp(2 * x) + 1) }
        let softsignAbs = replacing(.softsign, "softsign-without-abs") { x, _ in x / (1 + x) }
        let relu6Zero = replacing(.relu6, "relu6-zero-above-6") { x, _ in x > 6 ? 0 : max(x, 0) }
        let unclipped = replacing(.hardSigmoid, "hard-sigmoid-unclipped") { x, _ in (x + 3) / 6 }
        var fastSigmoid = DoubleKernel(name: "fast-sigmoid-algebraic")
        fastSigmoid.sigmoid = { x, beta in x.map { t in 0.5 + 0.5 * (t * beta) / (1 + abs(t * beta)) } }
        let pade = replacing(.tanh, "tanh-pade-3-2") { x, _ in
            abs(x) > 3 ? (x > 0 ? 1 : -1) : x * (27 + x * x) / (27 + 9 * x * x)
        }
        // A compare-and-select relu: NaN > 0 is false, so NaN becomes 0.
        let reluNaN = replacing(.relu, "relu-nan-to-zero") { x, _ in x > 0 ? x : 0 }
        let firstOrder = replacing(.softplus, "softplus-first-order-log1p") { x, _ in max(x, 0) + exp(-abs(x)) }
        return offByOne + [
            Mutant(kernel: taylor, property: "tanh-sigmoid"),
            Mutant(kernel: naiveSoftplus, property: "softplus-logsumexp"),
            Mutant(kernel: flushed, property: "softplus-difference", format: .binary64),
            Mutant(kernel: logOfSigmoid, property: "log-sigmoid-softplus"),
            Mutant(kernel: sigmoidBranch, property: "sigmoid-symmetry"),
            Mutant(kernel: swishIgnoresBeta, property: "swish-sigmoid"),
            Mutant(kernel: seluLambda, property: "selu-elu"),
            Mutant(kernel: mishAsSwish, property: "mish-composition"),
            Mutant(kernel: oneSided, property: "odd/tanh"),
            Mutant(kernel: softsignAbs, property: "odd/softsign"),
            Mutant(kernel: relu6Zero, property: "monotonicity"),
            Mutant(kernel: unclipped, property: "activation-range"),
            Mutant(kernel: reluNaN, property: "non-finite/activations", maximumShrunkLength: nil, reason: "relu: NaN logit not propagated"),
            Mutant(kernel: fastSigmoid, property: "derivative/sigmoid"),
            Mutant(kernel: pade, property: "derivative/tanh"),
            Mutant(kernel: firstOrder, property: "derivative/softplus"),
        ]
    }()

    @Test("Each activation mutant is caught by its named property, with a small counterexample", arguments: mutants)
    func mutantIsCaught(_ mutant: Mutant) throws {
        try mutant.expectCaught()
    }

    @Test("The mutants break nothing but the activation they replace: the unbroken kernel passes the same properties")
    func unbrokenPasses() {
        let properties = Set(Self.mutants.map(\.property)).sorted().compactMap(PropertyCatalog.named)
        for format in [FloatFormat.binary32, .binary64] {
            let report = PropertyRunner.run(DoubleKernel(name: "binary64"), properties: properties.filter { property in
                // In binary64 the careful formulas are themselves a few ulps off; only the properties
                // whose mutants need binary64 are run there.
                format == .binary32 || Self.mutants.contains { $0.property == property.name && $0.format == .binary64 }
            }, configuration: CheckConfiguration(cases: 60, seed: 7, format: format, profile: .framework, maximumLength: 600))
            #expect(report.succeeded, "\(report.text)")
        }
    }
}
