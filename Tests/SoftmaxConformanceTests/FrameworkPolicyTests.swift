import Foundation
import Multiprecision
import SoftmaxConformance
import SoftmaxReference
import Testing

/// `--policy NAME`: the frameworks' measured conventions for non-finite rows, as data, checked
/// against what tools/measure-policies recorded in tools/adapters/policies.json.
@Suite struct FrameworkPolicyTests {
    static let f = FloatFormat.binary32
    static func row(_ values: [Float]) -> [FloatValue] { values.map(FloatValue.init) }

    /// The measurement: peers → function → format → situation → entry.
    static var recorded: [String: Any] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("tools/adapters/policies.json")
        guard let data = FileManager.default.contents(atPath: url.path),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return json
    }

    /// Every recorded (peer, function, format, situation, entry).
    static var entries: [(peer: String, function: String, format: String, situation: String, entry: [String: Any])] {
        var out: [(String, String, String, String, [String: Any])] = []
        for (peer, functions) in recorded["table"] as? [String: [String: Any]] ?? [:] {
            for (function, formats) in functions {
                for (format, situations) in formats as? [String: Any] ?? [:] {
                    for (situation, entry) in situations as? [String: Any] ?? [:] {
                        out.append((peer, function, format, situation, entry as? [String: Any] ?? [:]))
                    }
                }
            }
        }
        return out
    }

    /// A recorded probe as a request: n entries, the non-finite ones listed, the others
    /// ((7·i) mod 9 − 4)/4; softmax-vjp's vector ((5·i) mod 7 − 3)/2; a target's nonzero entries listed.
    static func request(_ json: [String: Any]) throws -> ImplementationRequest {
        let format = try #require(ProtocolNames.format(named: json["format"] as? String ?? ""))
        func number(_ text: String) throws -> FloatValue {
            format.round(try #require(try? NumberLiteral(parsing: text)), .toNearestOrEven).value
        }
        func quarter(_ k: Int, _ exponent: Int) -> FloatValue { format.round(Dyadic(mantissa: BigInt(k), exponent: exponent), .toNearestOrEven) }
        let n = try #require(json["n"] as? Int)
        let specials = json["specials"] as? [String: String] ?? [:]
        let input = try (0..<n).map { i in try specials[String(i)].map(number) ?? quarter((7 * i) % 9 - 4, -2) }
        let function = try #require(ReferenceFunction(rawValue: json["function"] as? String ?? ""))
        let target = try (json["target"] as? [String: String]).map { q in try (0..<n).map { i in try q[String(i)].map(number) ?? .zero(format) } }
        let vector = function == .softmaxVJP ? (0..<n).map { quarter((5 * $0) % 7 - 3, -1) } : nil
        return ImplementationRequest(function, format: format, input: input, beta: try number(json["beta"] as? String ?? ""),
                                     label: json["label"] as? Int, target: target, vector: vector)
    }

    /// Outputs with the classes of a recorded pattern (`N*3 0 f`): NaN, ±inf, zero, or a finite 1/4.
    static func outputs(_ pattern: String, _ format: FloatFormat) -> ImplementationAnswer {
        if pattern.hasPrefix("error: ") { return .failure(String(pattern.dropFirst(7))) }
        var values: [FloatValue] = []
        for run in pattern.split(separator: " ") {
            let parts = run.split(separator: "*")
            let count = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
            let value: FloatValue = switch parts[0] {
            case "N": .nan(format)
            case "+": .infinity(format)
            case "-": .infinity(format, negative: true)
            case "0": .zero(format)
            default: format.round(Dyadic(mantissa: BigInt(1), exponent: -2), .toNearestOrEven)
            }
            values += Array(repeating: value, count: count)
        }
        return .values(values)
    }

    static func expectedCount(_ r: ImplementationRequest) -> Int {
        switch r.function {
        case .logSumExp: 1
        case .jacobian: r.input.count * r.input.count
        case .crossEntropy: r.input.count + 1
        default: r.input.count
        }
    }

    @Test("policies.json was found and holds every peer")
    func recordedPeers() {
        let peers = Set((Self.recorded["table"] as? [String: Any] ?? [:]).keys)
        #expect(peers == ["numpy", "scipy", "jax", "onnxruntime", "pytorch", "tensorflow"])
    }

    @Test("every function and format is measured for every peer, in every situation")
    func coverage() {
        let table = Self.recorded["table"] as? [String: [String: [String: [String: Any]]]] ?? [:]
        for (peer, functions) in table {
            #expect(Set(functions.keys) == Set(ReferenceFunction.allCases.map(\.rawValue)), "\(peer)")
            for (function, formats) in functions {
                #expect(Set(formats.keys) == ["f16", "bf16", "f32", "f64"], "\(peer) \(function)")
                for (format, situations) in formats {
                    let expected = Set(FrameworkPolicy.Situation.allCases.filter { $0 != .negativeInfinityZeroTarget || function == "cross-entropy" }.map(\.rawValue))
                    #expect(Set(situations.keys) == expected, "\(peer) \(function) \(format)")
                }
            }
        }
    }

    @Test("each policy's table is the recorded answer, per function, format and situation")
    func tables() throws {
        for (peer, function, formatName, situationName, entry) in Self.entries {
            let policy = try #require(FrameworkPolicy.named(peer))
            let function = try #require(ReferenceFunction(rawValue: function))
            let format = try #require(ProtocolNames.format(named: formatName))
            let situation = try #require(FrameworkPolicy.Situation(rawValue: situationName))
            let recorded = entry["answer"] as? String ?? ""
            #expect(recorded != "mixed", "\(peer) \(function) \(formatName) \(situationName): no single kind")
            // Unsupported pairs are judged by the reference (where the answer counts as unsupported).
            let expected = recorded == "unsupported" ? FrameworkPolicy.Answer.limit : FrameworkPolicy.Answer(rawValue: recorded)
            #expect(policy.answer(function, situation, format: format) == expected, "\(peer) \(function) \(formatName) \(situationName)")
        }
    }

    @Test("every answer seen is accepted by its recorded kind, and its request is classified as recorded")
    func seenAnswers() throws {
        var checked = 0
        for (peer, _, _, situationName, entry) in Self.entries {
            let policy = try #require(FrameworkPolicy.named(peer))
            let example = try Self.request(try #require(entry["example"] as? [String: Any]))
            #expect(FrameworkPolicy.situation(of: example)?.rawValue == situationName, "\(example.input.map(\.hexString))")
            for seen in entry["seen"] as? [[String: Any]] ?? [] {
                let request = try Self.request(try #require(seen["example"] as? [String: Any]))
                let answer = Self.outputs(seen["pattern"] as? String ?? "", request.format)
                #expect(FrameworkPolicy.situation(of: request)?.rawValue == situationName)
                let kind = seen["kind"] as? String ?? ""
                let overall = entry["answer"] as? String ?? ""
                // The answer is one the situation's recorded kind accepts: the policy says it matches.
                if overall != "limit" {
                    #expect(policy.verdict(request, answer) == .matches, "\(peer) \(kind) \(seen["pattern"] ?? "")")
                    checked += 1
                }
            }
        }
        #expect(checked > 20)
    }

    @Test("where the recorded answer is not the limit, it matches and a wrong answer differs with a reason")
    func verdicts() throws {
        var checked = 0
        for (peer, functionName, _, situationName, entry) in Self.entries {
            let policy = try #require(FrameworkPolicy.named(peer))
            let request = try Self.request(try #require(entry["example"] as? [String: Any]))
            let zeros = ImplementationAnswer.values(Array(repeating: .zero(request.format), count: Self.expectedCount(request)))
            switch entry["answer"] as? String {
            case "limit", "unsupported":
                #expect(policy.verdict(request, zeros) == .judgeByReference)
            case "allNaN":
                #expect(policy.verdict(request, .values(Array(repeating: .nan(request.format), count: Self.expectedCount(request)))) == .matches)
            case "raises":
                #expect(policy.verdict(request, .failure("ValueError: zero-size array")) == .matches)
            default: break
            }
            guard !["limit", "unsupported"].contains(entry["answer"] as? String ?? "") else { continue }
            guard case .differs(let reason) = policy.verdict(request, zeros) else {
                Issue.record("\(peer) \(functionName) \(situationName): all zeros were accepted")
                continue
            }
            let situation = try #require(FrameworkPolicy.Situation(rawValue: situationName))
            for part in [functionName, situation.description, peer, policy.measured] {
                #expect(reason.contains(part), "\(reason) does not name \(part)")
            }
            checked += 1
        }
        #expect(checked > 20)
    }

    @Test("rows are classified by what the frameworks disagree on")
    func situations() {
        let one = FloatValue(Float(1))
        #expect(FrameworkPolicy.situation(of: [], beta: one) == .empty)
        #expect(FrameworkPolicy.situation(of: Self.row([1, .nan, 2]), beta: one) == .nan)
        #expect(FrameworkPolicy.situation(of: Self.row([1, .nan, -.infinity]), beta: one) == .nanAndInfinity)
        #expect(FrameworkPolicy.situation(of: Self.row([-.infinity, -.infinity]), beta: one) == .allNegativeInfinity)
        #expect(FrameworkPolicy.situation(of: Self.row([1, .infinity]), beta: one) == .positiveInfinity)
        #expect(FrameworkPolicy.situation(of: Self.row([.infinity, -.infinity, .infinity]), beta: one) == .severalPositiveInfinity)
        #expect(FrameworkPolicy.situation(of: Self.row([1, -.infinity]), beta: one) == .negativeInfinity)
        #expect(FrameworkPolicy.situation(of: Self.row([1, 2]), beta: one) == nil)
        #expect(FrameworkPolicy.situation(of: Self.row([1, .infinity]), beta: FloatValue(Float(-1))) == nil)
        let masked = Self.row([1, -.infinity, 2])
        let half = FloatValue(Float(0.5))
        let zeroMass = ImplementationRequest(.crossEntropy, format: Self.f, input: masked, target: [half, .zero(Self.f), half])
        let fullMass = ImplementationRequest(.crossEntropy, format: Self.f, input: masked, target: [half, half, .zero(Self.f)])
        #expect(FrameworkPolicy.situation(of: zeroMass) == .negativeInfinityZeroTarget)
        #expect(FrameworkPolicy.situation(of: fullMass) == .negativeInfinity)
        #expect(FrameworkPolicy.situation(of: ImplementationRequest(.softmax, format: Self.f, input: masked)) == .negativeInfinity)
    }

    /// A softmax only (the frameworks differ on the other functions): the reference, except that any
    /// +inf logit makes every output NaN (inf − inf in the max shift), as every framework measured
    /// returns for binary64 softmax.
    static let nanOnPositiveInfinity = ClosureImplementation(name: "framework-like") { r in
        guard r.function == .softmax else { return .unsupported }
        if r.input.contains(where: { $0.isInfinite && !$0.isSignMinus }) {
            return .values(Array(repeating: .nan(r.format), count: r.input.count))
        }
        return ReferenceImplementation().evaluate([r])[0]
    }

    static func holds(_ implementation: any Implementation, under policy: FrameworkPolicy) -> Bool {
        let context = PropertyContext(implementation: implementation, profile: .framework)
        let c = CheckCase(row: [1, 2, 0.5].map { FloatValue(Double($0)) }, beta: FloatValue(Double(1)), format: .binary64, family: "plain")
        return !NonFinitePolicyProperty(policy: policy).verdict(c, context).failed
    }

    @Test("the non-finite property passes each framework's own convention and rejects the limit where they differ",
          arguments: ["numpy", "scipy", "jax", "onnxruntime", "pytorch", "tensorflow"])
    func frameworkConventions(name: String) throws {
        let policy = try #require(FrameworkPolicy.named(name))
        // binary64 softmax of [+inf, 2, 0.5]: every framework returns NaN; the limit is [1, 0, 0].
        #expect(Self.holds(Self.nanOnPositiveInfinity, under: policy))
        #expect(!Self.holds(ReferenceImplementation(), under: policy))
        #expect(!Self.holds(Self.nanOnPositiveInfinity, under: .limit))
        #expect(Self.holds(ReferenceImplementation(), under: .limit))
    }
}
