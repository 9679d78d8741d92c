import SoftmaxReference

/// A named mathematical invariant of the softmax family, checked on generated cases.
public protocol ConformanceProperty: Sendable {
    /// The name used by `--property` and in reports, e.g. "sum-to-one".
    var name: String { get }
    /// What is asserted, in one sentence.
    var statement: String { get }
    /// Why it holds and how its tolerance follows from the per-element bound.
    var rationale: String { get }
    /// The generator families that exercise it.
    var families: [RowGenerator.Family] { get }
    /// The functions it asks the implementation for: it runs under `--function F` when F is one.
    var functions: Set<HarnessFunction> { get }
    /// Checks one case; an answer the property cannot use is thrown and judged by ``verdict(_:_:)``.
    func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict
}

extension ConformanceProperty {
    public var families: [RowGenerator.Family] { RowGenerator.Family.allCases.filter { $0 != .masked && $0 != .nonFinite } }

    /// The softmax family's properties ask for its members, several at once: each counts as
    /// asking for all of them unless it says otherwise.
    public var functions: Set<HarnessFunction> { Set(ReferenceFunction.allCases.map(HarnessFunction.family)) }

    /// The verdict on one case: ``check(_:_:)``, with an unsupported answer a skip, an
    /// implementation failure a failure, and an implementation that can no longer answer "not run".
    public func verdict(_ c: CheckCase, _ context: PropertyContext) -> Verdict {
        do { return try check(c, context) } catch {
            switch error {
            case .unsupported: return .skip("unsupported")
            case .failed(let reason): return .fail(reason: "the implementation failed: \(reason)", maxUlp: .infinity)
            case .unavailable(let reason): return .notRun(reason)
            }
        }
    }
}
