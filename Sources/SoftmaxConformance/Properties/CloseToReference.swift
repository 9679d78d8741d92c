import Multiprecision
import SoftmaxReference

/// Every output is within the profile's bound of the exact value (equal to the correctly rounded
/// value under `strict`).
public struct CloseToReference: ConformanceProperty {
    public let function: HarnessFunction
    public init(_ function: ReferenceFunction) { self.function = .family(function) }
    public init(_ activation: Activation) { self.function = .activation(activation) }

    public var name: String { "close-to-reference/\(function.rawValue)" }
    public var functions: Set<HarnessFunction> { [function] }
    public var statement: String { "each \(function.rawValue) output is within the bound of the exact value" }
    public let rationale = "The reference encloses the exact value to 2^-40 ulp; the error is measured with exact rationals. Under strict, outputs must equal the correctly rounded values."

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        let request = request(for: c)
        let outputs = try context.outputs(request)
        let exact = context.exact(request)
        guard outputs.count == exact.count else {
            return .fail(reason: "expected \(exact.count) outputs, got \(outputs.count)", maxUlp: .infinity)
        }
        let errors = zip(outputs, exact).map { UlpError.of($0, from: $1) }
        let worst = errors.max() ?? 0
        if context.profile == .strict {
            let rounded = ReferenceImplementation().evaluate(request)
            if case .values(let expected) = rounded, let i = outputs.indices.first(where: { !Self.same(outputs[$0], expected[$0]) }) {
                return .fail(reason: "output \(i) is \(outputs[i].hexString), correctly rounded is \(expected[i].hexString)", maxUlp: worst)
            }
            return .pass(maxUlp: worst)
        }
        if let i = outputs.indices.first(where: { !context.profile.allows(function: function, format: c.format, count: c.row.count, error: errors[$0],
                                                                         distance: Self.distance(outputs[$0], exact[$0]),
                                                                         magnitude: Self.magnitude(exact[$0])) }) {
            if !outputs[i].isFinite, case .interval = exact[i] {
                return .fail(reason: "output \(i) is \(outputs[i].hexString) where the exact value is finite: an overflow or invalid operation", maxUlp: worst)
            }
            return .fail(reason: "output \(i) is \(outputs[i].hexString), \(errors[i]) ulp from the exact value (bound \(context.profile.ulps(for: function, count: c.row.count)))", maxUlp: worst)
        }
        return .pass(maxUlp: worst)
    }

    /// |output − exact| as a Double (infinite for mismatched specials), for relative tolerances.
    static func distance(_ output: FloatValue, _ exact: Enclosure) -> Double {
        // A special value is right (distance 0) when it is the correct rounding, e.g. an overflow to -inf.
        guard let y = output.dyadic else { return UlpError.of(output, from: exact) <= 0.5 ? 0 : .infinity }
        switch exact {
        case .interval(let i): return max((y - i.lower).magnitude.doubleApproximation, (y - i.upper).magnitude.doubleApproximation)
        case .exact(let r): let b = UlpError.bracket(r); return max((y - b.lower).magnitude.doubleApproximation, (y - b.upper).magnitude.doubleApproximation)
        default: return .infinity
        }
    }

    /// |exact| as a Double (0 for specials).
    static func magnitude(_ exact: Enclosure) -> Double {
        switch exact {
        case .interval(let i): max(i.lower.magnitude, i.upper.magnitude).doubleApproximation
        case .exact(let r): UlpError.bracket(r).upper.magnitude.doubleApproximation
        default: 0
        }
    }

    /// Equal values (any two NaNs are the same; ±0 are the same).
    static func same(_ a: FloatValue, _ b: FloatValue) -> Bool {
        a == b || (a.isNaN && b.isNaN) || (a.isZero && b.isZero)
    }

    func request(for c: CheckCase) -> ImplementationRequest {
        switch function {
        case .family(.crossEntropy): ImplementationRequest(.crossEntropy, format: c.format, input: c.row, beta: c.beta, label: c.row.count / 2)
        case .family(let f): ImplementationRequest(f, format: c.format, input: c.row, beta: c.beta)
        // β of the row's generator family where the activation takes one (swish's β ≫ 1 is a sharp ramp).
        case .activation(let a): ImplementationRequest(a, format: c.format, input: c.row, beta: function.takesBeta ? c.beta : nil)
        }
    }
}
