import Multiprecision
import SoftmaxConformance
import SoftmaxReference
import Testing

/// `--policy NAME`: the frameworks' measured conventions for non-finite rows, as data.
@Suite struct FrameworkPolicyTests {
    static let f = FloatFormat.binary32
    static func row(_ values: [Float]) -> [FloatValue] { values.map(FloatValue.init) }

    /// A softmax only: the reference, except that any +inf logit makes every output NaN (inf − inf
    /// in the max shift): what every framework measured returns for softmax (POLICIES.md, binary32).
    static let nanOnPositiveInfinity = ClosureImplementation(name: "framework-like") { r in
        guard r.function == .softmax else { return .unsupported }
        if r.input.contains(where: { $0.isInfinite && !$0.isSignMinus }) {
            return .values(Array(repeating: .nan(r.format), count: r.input.count))
        }
        return ReferenceImplementation().evaluate([r])[0]
    }

    static func holds(_ implementation: any Implementation, under policy: FrameworkPolicy) -> Bool {
        let context = PropertyContext(implementation: implementation, profile: .framework)
        let c = CheckCase(row: row([1, 2, 0.5]), beta: FloatValue(Float(1)), format: f, family: "plain")
        return !NonFinitePolicyProperty(policy: policy).check(c, context).failed
    }

    @Test("rows are classified by what the frameworks disagree on")
    func situations() {
        let one = FloatValue(Float(1))
        #expect(FrameworkPolicy.situation(of: [], beta: one) == .empty)
        #expect(FrameworkPolicy.situation(of: Self.row([1, .nan, 2]), beta: one) == .nan)
        #expect(FrameworkPolicy.situation(of: Self.row([-.infinity, -.infinity]), beta: one) == .allNegativeInfinity)
        #expect(FrameworkPolicy.situation(of: Self.row([1, .infinity]), beta: one) == .positiveInfinity)
        #expect(FrameworkPolicy.situation(of: Self.row([1, -.infinity]), beta: one) == nil)  // masking: all agree
        #expect(FrameworkPolicy.situation(of: Self.row([1, .infinity]), beta: FloatValue(Float(-1))) == nil)
    }

    @Test("each framework policy passes its own convention and rejects the limit where they differ",
          arguments: ["numpy", "scipy", "jax", "onnxruntime", "pytorch"])
    func frameworkConventions(name: String) throws {
        let policy = try #require(FrameworkPolicy.named(name))
        // softmax [1, +inf, 2]: every framework measured returns NaN; the limit is [0, 1, 0].
        #expect(Self.holds(Self.nanOnPositiveInfinity, under: policy))
        #expect(!Self.holds(ReferenceImplementation(), under: policy))
        // And the limit policy says the opposite.
        #expect(!Self.holds(Self.nanOnPositiveInfinity, under: .limit))
        #expect(Self.holds(ReferenceImplementation(), under: .limit))
    }

    @Test("TensorFlow (binary32) keeps the NaN at the non-finite entries, 0 (or NaN) elsewhere")
    func tensorflow() {
        let request = ImplementationRequest(.softmax, format: Self.f, input: Self.row([1, .nan, 2]))
        let tensorflowLike = ImplementationAnswer.values([.zero(Self.f), .nan(Self.f), .zero(Self.f)])
        #expect(FrameworkPolicy.tensorflow.verdict(request, tensorflowLike) == .matches)
        #expect(FrameworkPolicy.tensorflow.verdict(request, .values([.zero(Self.f), .zero(Self.f), .zero(Self.f)])) != .matches)
        #expect(FrameworkPolicy.pytorch.verdict(request, tensorflowLike) != .matches)
    }

    @Test("the table: NumPy raises on empty rows and gives NaN for LSE of all −inf; SciPy's log-softmax keeps −inf")
    func table() {
        #expect(FrameworkPolicy.numpy.answer(.softmax, .empty) == .raises)
        #expect(FrameworkPolicy.numpy.answer(.logSumExp, .allNegativeInfinity) == .allNaN)
        #expect(FrameworkPolicy.pytorch.answer(.logSumExp, .allNegativeInfinity) == .limit)
        #expect(FrameworkPolicy.scipy.answer(.logSoftmax, .positiveInfinity) == .negativeInfinityAndNaN)
        #expect(FrameworkPolicy.scipy.answer(.logSumExp, .empty) == .limit)
        let request = ImplementationRequest(.logSoftmax, format: Self.f, input: Self.row([1, .infinity, 2]))
        let scipyLike = ImplementationAnswer.values([.infinity(Self.f, negative: true), .nan(Self.f), .infinity(Self.f, negative: true)])
        #expect(FrameworkPolicy.scipy.verdict(request, scipyLike) == .matches)
        #expect(FrameworkPolicy.pytorch.verdict(request, scipyLike) != .matches)
        let empty = ImplementationRequest(.softmax, format: Self.f, input: [])
        #expect(FrameworkPolicy.numpy.verdict(empty, .failure("ValueError")) == .matches)
        #expect(FrameworkPolicy.numpy.verdict(empty, .values([])) != .matches)
        #expect(FrameworkPolicy.jax.verdict(empty, .values([])) == .judgeByReference)
    }
}
