import Multiprecision

/// n = 1 gives softmax [1] and log-softmax [0] exactly.
public struct SingletonRow: ConformanceProperty {
    public init() {}
    public let name = "singleton"
    public let statement = "softmax([x]) = [1] and log-softmax([x]) = [0] for every finite x"
    public let rationale = "e^(x−x)/e^(x−x) = 1 exactly, and 1 and 0 are representable: no rounding is involved."

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        guard let x = c.row.first(where: \.isFinite) else { return .skip("no finite logit") }
        let s = try context.outputs(ImplementationRequest(.softmax, format: c.format, input: [x], beta: c.beta))
        if s.count != 1 || s[0].dyadic != .one { return .fail(reason: "softmax([\(x.hexString)]) = \(s.map(\.hexString))", maxUlp: .infinity) }
        let ls = try context.outputs(ImplementationRequest(.logSoftmax, format: c.format, input: [x], beta: c.beta))
        if ls.count != 1 || ls[0].dyadic != .zero { return .fail(reason: "log-softmax([\(x.hexString)]) = \(ls.map(\.hexString))", maxUlp: .infinity) }
        return .pass(maxUlp: 0)
    }
}
