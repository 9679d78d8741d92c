import Multiprecision
import SoftmaxConformance
import SoftmaxReference
import Testing

/// The pytorch and onnx profiles on the activations: PyTorch's per-dtype defaults raised by its
/// OpInfo overrides (torch/testing/_internal/common_methods_invocations.py), ONNX's rtol 1e-3 and
/// atol 1e-7 for every node test (onnx/backend/test/case/node/__init__.py). Each judged case has an
/// exactly representable value, so the last output within atol + rtol·|exact| is found with
/// Double arithmetic on the documented numbers, and must pass while the next one must fail.
@Suite struct ProfileSuiteToleranceTests {
    /// `value` moved `steps` format values up (negative: down).
    static func moved(_ value: FloatValue, _ steps: Int) -> FloatValue {
        var v = value
        for _ in 0..<abs(steps) { v = steps > 0 ? v.nextUp : v.nextDown }
        return v
    }

    /// Passes at `steps` from the exact value `exact`, fails one step further.
    static func expectEdge(_ request: ImplementationRequest, exact: FloatValue, steps: Int, profile: Profile,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        let inside = moved(exact, steps), outside = moved(exact, steps + steps.signum())
        #expect(RequestJudge.judge(request, [inside], profile: profile).failure == nil,
                "\(request.function) at \(inside.hexString)", sourceLocation: sourceLocation)
        #expect(RequestJudge.judge(request, [outside], profile: profile).failure != nil,
                "\(request.function) at \(outside.hexString)", sourceLocation: sourceLocation)
    }

    /// The largest binary16 (or bfloat16) value v >= 0 with v <= limit, as a count of steps above 0.
    static func stepsBelow(_ limit: Double, format: FloatFormat) -> Int {
        var v = FloatValue.zero(format), steps = 0
        while v.nextUp.double <= limit { v = v.nextUp; steps += 1 }
        return steps
    }

    @Test("pytorch: OpInfo's atol 1e-2 for mish in float16 passes an output that the default atol 1e-5 rejects")
    func pytorchMishFloat16() {
        let profile = Profile.preset("pytorch", format: .binary16)!
        let zero = FloatValue(Float16(0))
        let steps = Self.stepsBelow(1e-2, format: .binary16)  // mish(0) = 0: atol 1e-2 alone
        Self.expectEdge(ImplementationRequest(.mish, format: .binary16, input: [zero]), exact: zero, steps: steps, profile: profile)
        // gelu(0) = 0 has no override: the default atol 1e-5.
        Self.expectEdge(ImplementationRequest(.gelu, format: .binary16, input: [zero]), exact: zero,
                        steps: Self.stepsBelow(1e-5, format: .binary16), profile: profile)
    }

    @Test("pytorch: softsign's float16 override (atol 1e-3; rtol stays the default 1e-3, above 1.3e-4)")
    func pytorchSoftsignFloat16() {
        // softsign(1) = 1/2; binary16's ulp above 1/2 is 2^-11.
        let one = FloatValue(Float16(1)), half = FloatValue(Float16(0.5))
        let steps = Int((1e-3 + 1e-3 * 0.5) / 0x1p-11)
        #expect(steps == 3)
        Self.expectEdge(ImplementationRequest(.softsign, format: .binary16, input: [one]), exact: half, steps: steps,
                        profile: Profile.preset("pytorch", format: .binary16)!)
        // Without the override (bfloat16: rtol 1.6e-2, atol 1e-5; ulp 2^-8 above 1/2).
        let bOne = FloatValue(BFloat16(1)), bHalf = FloatValue(BFloat16(0.5))
        Self.expectEdge(ImplementationRequest(.softsign, format: .bfloat16, input: [bOne]), exact: bHalf,
                        steps: Int((1e-5 + 1.6e-2 * 0.5) / 0x1p-8), profile: Profile.preset("pytorch", format: .bfloat16)!)
    }

    @Test("pytorch: tanh and sigmoid in bfloat16 take precisionOverride's atol 1e-2")
    func pytorchBFloat16Overrides() {
        let profile = Profile.preset("pytorch", format: .bfloat16)!
        let zero = FloatValue(BFloat16(0))
        Self.expectEdge(ImplementationRequest(.tanh, format: .bfloat16, input: [zero]), exact: zero,
                        steps: Self.stepsBelow(1e-2, format: .bfloat16), profile: profile)
        // σ(0) = 1/2: atol 1e-2 + rtol 1.6e-2 · 1/2, in steps of 2^-8.
        let steps = Int((1e-2 + 1.6e-2 * 0.5) / 0x1p-8)
        #expect(steps == 4)
        Self.expectEdge(ImplementationRequest(.sigmoid, format: .bfloat16, input: [zero]), exact: FloatValue(BFloat16(0.5)),
                        steps: steps, profile: profile)
    }

    @Test("pytorch: the overrides' numbers, and none for the activations OpInfo overrides only on CUDA")
    func pytorchTable() {
        func tolerance(_ a: Activation, _ f: FloatFormat) -> [Double] {
            Profile.preset("pytorch", format: f)!.relativeTolerance(for: .activation(a), format: f).map { [$0.rtol, $0.atol] } ?? []
        }
        #expect(tolerance(.softplus, .binary16) == [1e-2, 1e-2])
        #expect(tolerance(.softplus, .bfloat16) == [1.6e-2, 1e-2])
        #expect(tolerance(.logSigmoid, .binary16) == [1e-3, 1e-2])
        #expect(tolerance(.logSigmoid, .bfloat16) == [1.6e-2, 5e-3])
        #expect(tolerance(.mish, .binary32) == [1.3e-6, 1e-5])
        for a in [Activation.elu, .selu, .silu, .swish, .hardSigmoid, .gelu, .hardSwish, .exponential] {
            #expect(tolerance(a, .binary16) == [1e-3, 1e-5], "\(a)")
        }
        #expect(Profile.framework.relativeTolerance(for: .activation(.mish), format: .binary16) == nil)
    }

    @Test("onnx: rtol 1e-3, atol 1e-7 for every activation and format")
    func onnx() {
        // relu(2) = 2 in binary32: 2^-22 per step above 2.
        let steps = Int((1e-7 + 1e-3 * 2) / 0x1p-22)
        Self.expectEdge(ImplementationRequest(.relu, format: .binary32, input: [FloatValue(Float(2))]), exact: FloatValue(Float(2)),
                        steps: steps, profile: Profile.preset("onnx", format: .binary32)!)
        // hard-sigmoid(3) = 1 in binary16: 2^-11 per step below 1.
        let down = Int((1e-7 + 1e-3 * 1) / 0x1p-11)
        #expect(down == 2)
        Self.expectEdge(ImplementationRequest(.hardSigmoid, format: .binary16, input: [FloatValue(Float16(3))]),
                        exact: FloatValue(Float16(1)), steps: -down, profile: Profile.preset("onnx", format: .binary16)!)
        for a in Activation.allCases {
            let t = Profile.preset("onnx", format: .binary16)!.relativeTolerance(for: .activation(a), format: .binary16)
            #expect(t.map { [$0.rtol, $0.atol] } == [1e-3, 1e-7], "\(a)")
        }
    }
}
