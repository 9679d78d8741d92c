import Multiprecision
import SoftmaxReference

/// One golden case as a maintainer writes it: the question, where it comes from, and any values
/// a source printed. ``FixtureGenerator`` turns it into correctly rounded results for every format.
public struct FixtureDefinition: Sendable {
    public let id: String
    public let function: HarnessFunction
    public let description: String
    /// Where the case comes from, e.g. "seed 002: the Wikipedia example".
    public let source: String
    /// The logits as written (decimal or hex); the row is this list repeated `repeatCount` times.
    public let input: [String]
    public var repeatCount = 1
    public var beta = "1"
    public var base: String?
    public var label: Int?
    public var target: [String]?
    /// softmax-vjp's vector v, one entry per logit.
    public var vector: [String]?
    /// An activation's α, relu's `max_value` and `threshold`, when given.
    public var alpha: String?
    public var maxValue: String?
    public var threshold: String?
    /// The tensor shape the row was flattened from, when a source speaks of one (e.g. [2, 2]).
    public var shape: [Int]?
    public var printed: [PrintedValues] = []

    public init(_ id: String, _ function: ReferenceFunction, _ description: String, source: String, input: [String]) {
        self.init(id, function: .family(function), description, source: source, input: input)
    }

    public init(_ id: String, _ activation: Activation, _ description: String, source: String, input: [String]) {
        self.init(id, function: .activation(activation), description, source: source, input: input)
    }

    public init(_ id: String, function: HarnessFunction, _ description: String, source: String, input: [String]) {
        self.id = id
        self.function = function
        self.description = description
        self.source = source
        self.input = input
    }
}

extension FixtureDefinition {
    func with(_ change: (inout FixtureDefinition) -> Void) -> FixtureDefinition {
        var copy = self
        change(&copy)
        return copy
    }
}
