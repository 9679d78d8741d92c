import Multiprecision
import SoftmaxReference

/// The reference itself as an implementation (round to nearest): it must pass the strict profile.
public struct ReferenceImplementation: Implementation {
    public let name = "reference"
    public init() {}

    public func evaluate(_ requests: [ImplementationRequest]) -> [ImplementationAnswer] {
        requests.map { r in
            do { return .values(try Self.rounded(r, rounding: .toNearestOrEven)) } catch { return .failure(String(describing: error)) }
        }
    }

    /// The request's outputs correctly rounded under `rounding`, flattened as answers are.
    public static func rounded(_ r: ImplementationRequest, rounding: FloatingPointRoundingRule) throws(ReferenceError) -> [FloatValue] {
        switch r.function {
        case .family(let function):
            let request = try ReferenceRequest(function, input: r.input, beta: r.beta, base: r.base, label: r.label,
                                               target: r.target, vector: r.vector)
            let result = try Reference.evaluate(request, format: r.format, rounding: rounding)
            return result.values + (result.gradient ?? [])
        case .activation(let activation):
            let request = try ActivationRequest(activation, input: r.input, parameters: r.activationParameters)
            return try Reference.evaluate(request, format: r.format, rounding: rounding)
        }
    }
}
