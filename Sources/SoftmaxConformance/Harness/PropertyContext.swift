import Multiprecision
import SoftmaxReference

/// What a property may ask while checking one case: the implementation's answers, the exact
/// values from the reference, and the profile's per-element bound.
public struct PropertyContext: Sendable {
    public let implementation: any Implementation
    public let profile: Profile

    public init(implementation: any Implementation, profile: Profile) {
        self.implementation = implementation
        self.profile = profile
    }

    /// Why a property could not use an answer.
    public enum Refusal: Error {
        case unsupported
        case failed(String)
        /// The implementation can no longer answer: the property is not run.
        case unavailable(String)
    }

    /// The implementation's outputs for `request`; an answer of the wrong length is a failure
    /// naming the request, so no property ever indexes past what was answered.
    public func outputs(_ request: ImplementationRequest) throws(Refusal) -> [FloatValue] {
        switch implementation.evaluate(request) {
        case .values(let v):
            guard v.count == request.expectedOutputCount else { throw .failed(Self.wrongCount(request, v.count)) }
            return v
        case .unsupported: throw .unsupported
        case .failure(let reason): throw .failed(reason)
        case .unavailable(let reason): throw .unavailable(reason)
        }
    }

    /// "softmax of 3 logits answered 2 values; expected 3".
    static func wrongCount(_ request: ImplementationRequest, _ count: Int) -> String {
        "\(request.function.rawValue) of \(request.input.count) logits answered \(count) values; expected \(request.expectedOutputCount)"
    }

    /// Enclosures of the exact outputs, tight to about 2^-40 ulp (NaN for a request the reference rejects).
    public func exact(_ request: ImplementationRequest) -> [Enclosure] {
        let rejected = Array(repeating: Enclosure.nan, count: request.expectedOutputCount)
        switch request.function {
        case .family(let function):
            guard let r = try? ReferenceRequest(function, input: request.input, beta: request.beta, base: request.base,
                                                label: request.label, target: request.target, vector: request.vector) else {
                return rejected
            }
            let countBits = Int.bitWidth - request.input.count.leadingZeroBitCount
            let result = Reference.enclosures(r, bits: request.format.precision + 40 + countBits)
            return result.values + (result.gradient ?? [])
        case .activation(let activation):
            guard let r = try? ActivationRequest(activation, input: request.input, parameters: request.activationParameters) else {
                return rejected
            }
            return Reference.enclosures(r, format: request.format, bits: request.format.precision + 40)
        }
    }

    /// The per-element bound for `function`, in ulps.
    public func bound(_ function: HarnessFunction) -> Double { profile.ulps(for: function) }

    /// The bound as an exact dyadic: u·ulp(max(|a|, |b|)), or atol + rtol·max(|a|, |b|) for a relative profile.
    public func tolerance(_ function: HarnessFunction, around values: FloatValue...) -> Dyadic {
        let magnitude = values.compactMap { $0.dyadic?.magnitude }.max() ?? .zero
        if let (rtol, atol) = profile.relativeTolerance(for: function, format: values[0].format) {
            // atol + rtol·|v|, widened by one part in 2^40 for the binary64 arithmetic that forms it.
            let allowed = (atol + rtol * magnitude.doubleApproximation) * (1 + 0x1p-40)
            return FloatValue(allowed).dyadic ?? .zero
        }
        let ulp = Dyadic.powerOfTwo(UlpError.ulpExponent(of: magnitude, values[0].format))
        // u truncated to a multiple of 2^-10 (exact from 2^43 up); an infinite u exceeds any
        // finite difference, which 2^2100 ulps (at least 2^1026) does too; NaN allows nothing.
        let u = bound(function)
        guard u.isFinite else { return u > 0 ? Dyadic.powerOfTwo(2100) * ulp : .zero }
        let truncated = u.magnitude >= 0x1p43 ? u : (u * 1024).rounded(.towardZero) / 1024
        return (FloatValue(truncated).dyadic ?? .zero) * ulp
    }
}
