import Foundation
import Multiprecision
import SoftmaxConformance
import SoftmaxReference
import Testing

/// `--policy NAME` on the activations: the NaN a framework returns at NaN or ±inf inputs where
/// the limit is a number (softsign(+inf) = inf/inf), as tools/measure-policies recorded it in
/// tools/adapters/policies.json (`activations`), element by element.
@Suite struct FrameworkPolicyActivationTests {
    /// peer → activation → format → input class → entry.
    static var recorded: [String: [String: [String: [String: [String: Any]]]]] {
        let json = FrameworkPolicyTests.recorded["activations"] as? [String: Any] ?? [:]
        return json["table"] as? [String: [String: [String: [String: [String: Any]]]]] ?? [:]
    }

    @Test("each policy's activation table is the recorded answer at NaN, +inf and −inf")
    func tables() throws {
        var departures = 0
        #expect(Set(Self.recorded.keys) == ["numpy", "scipy", "jax", "onnxruntime", "pytorch", "tensorflow"])
        for (peer, activations) in Self.recorded {
            let policy = try #require(FrameworkPolicy.named(peer))
            for (name, formats) in activations {
                let activation = try #require(Activation(rawValue: name))
                for (formatName, classes) in formats {
                    let format = try #require(ProtocolNames.format(named: formatName))
                    for input in FrameworkPolicy.InputClass.allCases {
                        let recorded = classes[input.rawValue]?["answer"] as? String
                        let expected: FrameworkPolicy.ElementAnswer? = recorded == "nan" ? .nan : nil
                        #expect(policy.answer(activation, at: input, format: format) == expected, "\(peer) \(name) \(formatName) \(input)")
                        departures += expected == nil ? 0 : 1
                    }
                }
            }
        }
        #expect(departures > 20)  // softsign at ±inf, swish/gelu/mish/hard-swish at −inf, in several peers
    }

    /// A request with `special` at entry 0 and 0.5 at entry 1, and the reference's outputs.
    static func request(_ activation: Activation, _ special: FloatValue) -> (ImplementationRequest, [FloatValue])? {
        let request = ImplementationRequest(activation, format: special.format, input: [special, FloatValue(Float(0.5))])
        guard case .values(let limit) = ReferenceImplementation().evaluate(request) else { return nil }
        return (request, limit)
    }

    @Test("numpy's softsign(+inf) = NaN: its convention under --policy numpy, a named defect under the limit")
    func softsignAtInfinity() throws {
        let numpy = try #require(FrameworkPolicy.named("numpy"))
        try #require(numpy.answer(.softsign, at: .positiveInfinity, format: .binary32) == .nan)
        let (request, limit) = try #require(Self.request(.softsign, .infinity(.binary32)))
        #expect(limit[0] == FloatValue(Float(1)))  // inf/(1 + inf) tends to 1
        let nan = ImplementationAnswer.values([.nan(.binary32), limit[1]])
        #expect(numpy.verdict(request, nan) == .judgeOthersByReference([0]))
        #expect(NonFiniteJudge.failure(request, nan, policy: numpy, profile: .framework) == nil)
        let underLimit = try #require(NonFiniteJudge.failure(request, nan, policy: .limit, profile: .framework))
        #expect(underLimit.contains("numpy"), "\(underLimit)")
        // The limit's own answer is a departure from numpy's convention.
        guard case .differs(let reason) = numpy.verdict(request, .values(limit)) else {
            Issue.record("the limit's 1 was accepted as NaN"); return
        }
        #expect(reason.contains("expected NaN"))
        // The finite entry is still judged against the reference: 1/3 is right, 0.9 is not.
        let wrongElsewhere = ImplementationAnswer.values([.nan(.binary32), FloatValue(Float(0.9))])
        #expect(NonFiniteJudge.failure(request, wrongElsewhere, policy: numpy, profile: .framework) != nil)
    }

    @Test("where a framework follows the limit, a NaN is a defect under its policy")
    func limitFollowed() throws {
        // tanh(+inf) = 1 in every framework measured.
        for policy in FrameworkPolicy.all {
            #expect(policy.answer(.tanh, at: .positiveInfinity, format: .binary32) == nil, "\(policy.name)")
        }
        let (request, limit) = try #require(Self.request(.tanh, .infinity(.binary32)))
        let nan = ImplementationAnswer.values([.nan(.binary32), limit[1]])
        let numpy = try #require(FrameworkPolicy.named("numpy"))
        #expect(numpy.verdict(request, nan) == .judgeByReference)
        #expect(NonFiniteJudge.failure(request, nan, policy: numpy, profile: .framework) != nil)
    }
}
