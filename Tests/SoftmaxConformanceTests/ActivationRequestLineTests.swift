@testable import SoftmaxConformance
import Multiprecision
import SoftmaxReference
import Testing

/// The request lines of the activations have the shape tools/adapters/README.md documents: the
/// activation's name, β only for softplus, swish and silu, α, max_value and threshold only when given.
@Suite struct ActivationRequestLineTests {
    static func keys(_ request: ImplementationRequest) throws -> [String: JSONValue] {
        guard case .object(let members) = try JSONParser.parse(ProtocolAnswer.line(request, id: 5)) else { return [:] }
        return Dictionary(uniqueKeysWithValues: members)
    }

    static let two = FloatValue(Float(2)), half = FloatValue(Float(0.5))

    @Test("tanh sends no parameter; softplus sends β; relu sends the three it was given; softmax keeps β alone")
    func shapes() throws {
        let tanh = try Self.keys(ImplementationRequest(.tanh, format: .binary32, input: [Self.two]))
        #expect(Set(tanh.keys) == ["id", "function", "format", "input"])
        #expect(tanh["function"] == .string("tanh") && tanh["format"] == .string("f32") && tanh["input"] == .strings(["0x1p+1"]))

        let softplus = try Self.keys(ImplementationRequest(.softplus, format: .binary32, input: [Self.two], beta: Self.half))
        #expect(Set(softplus.keys) == ["id", "function", "format", "input", "beta"])
        #expect(softplus["beta"] == .string("0x1p-1"))

        let relu = try Self.keys(ImplementationRequest(.relu, format: .binary32, input: [Self.two], alpha: Self.half,
                                                       maxValue: Self.two, threshold: Self.half))
        #expect(Set(relu.keys) == ["id", "function", "format", "input", "alpha", "max_value", "threshold"])
        #expect(relu["alpha"] == .string("0x1p-1") && relu["max_value"] == .string("0x1p+1") && relu["threshold"] == .string("0x1p-1"))

        let softmax = try Self.keys(ImplementationRequest(.softmax, format: .binary32, input: [Self.two]))
        #expect(Set(softmax.keys) == ["id", "function", "format", "input", "beta"])
    }

    @Test("Every function name round-trips through HarnessFunction, and the activations are elementwise")
    func names() {
        for function in HarnessFunction.allCases { #expect(HarnessFunction(rawValue: function.rawValue) == function) }
        #expect(HarnessFunction.allCases.count == ReferenceFunction.allCases.count + Activation.allCases.count)
        #expect(Activation.allCases.allSatisfy { HarnessFunction.activation($0).isElementwise })
        #expect(HarnessFunction.sigmoid.isElementwise && !HarnessFunction.softmax.isElementwise)
        #expect(HarnessFunction(rawValue: "maFonction") == nil)
    }
}
