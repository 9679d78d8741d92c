import Multiprecision
import SoftmaxReference

/// The reference itself as an implementation (round to nearest): it must pass the strict profile.
public struct ReferenceImplementation: Implementation {
    public let name = "reference"
    public init() {}

    public func evaluate(_ requests: [ImplementationRequest]) -> [ImplementationAnswer] {
        requests.map { r in
            do {
                let request = try ReferenceRequest(r.function, input: r.input, beta: r.beta, base: r.base, label: r.label,
                                                   target: r.target, vector: r.vector)
                let result = try Reference.evaluate(request, format: r.format)
                return .values(result.values + (result.gradient ?? []))
            } catch {
                return .failure(String(describing: error))
            }
        }
    }
}
