import Multiprecision

/// What a sweep judges: the reference itself, which rounds in each direction asked, or any
/// ``Implementation`` (a built-in kernel, an external program), whose outputs do not depend on
/// the direction and are judged against each.
public struct SweepSubject: Sendable {
    public let name: String
    let implementation: (any Implementation)?

    /// The reference (GMP, Ziv's loop): its outputs are rounded in the direction judged.
    public static let reference = SweepSubject(name: "reference", implementation: nil)

    public init(_ implementation: any Implementation) {
        self.init(name: implementation.name, implementation: implementation)
    }

    private init(name: String, implementation: (any Implementation)?) {
        self.name = name
        self.implementation = implementation
    }

    /// Whether the outputs depend on the rounding direction (only the reference's do).
    var roundsPerDirection: Bool { implementation == nil }

    /// Fails with ``SweepError/unsupported(_:)`` when the implementation declines the function
    /// in the format (asked on one point, x = 1).
    public func probe(_ function: SweepFunction, format: FloatFormat) throws(SweepError) {
        guard let implementation else { return }
        let one = format.round(Dyadic.one, .toNearestOrEven)
        let request = function.requests(Array(repeating: one, count: function.arity), format: format)[0]
        if case .unsupported = implementation.evaluate(request) {
            let builtIn = implementation is KernelImplementation
            throw .unsupported("'\(name)' does not compute \(function.function.rawValue) in \(ProtocolNames.name(of: format))"
                               + (builtIn ? "; the built-in kernels compute in f16, f32 and f64, simd also the activations (sweep anything else with --implementation reference or --command)"
                                          : " (it answered the first request, x = 1, with an error)"))
        }
    }

    /// The outputs for `points` (flattened), under `rule` for the reference.
    func outputs(_ points: [FloatValue], function: SweepFunction, format: FloatFormat,
                 rule: FloatingPointRoundingRule) throws(SweepError) -> [FloatValue] {
        guard let implementation else { return try function.reference(points, format: format, rule: rule) }
        let requests = function.requests(points, format: format)
        var out: [FloatValue] = []
        out.reserveCapacity(points.count / function.arity * function.outputsPerPoint)
        for (request, answer) in zip(requests, implementation.evaluate(requests)) {
            switch answer {
            case .values(let v) where v.count == request.expectedOutputCount && v.allSatisfy({ $0.format == format }):
                out += v
            case .values(let v):
                throw .implementationFailed("\(v.count) outputs for \(request.input.count) inputs")
            case .unsupported:
                throw .unsupported("'\(name)' declined \(function.function.rawValue) in \(ProtocolNames.name(of: format))")
            case .failure(let why), .unavailable(let why):
                let notes = (implementation as? ExternalProgram)?.notes ?? []
                throw .implementationFailed(([why] + notes).joined(separator: "; "))
            }
        }
        return out
    }
}
