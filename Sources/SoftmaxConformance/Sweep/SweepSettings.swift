import Multiprecision

/// What a sweep runs: the function, format, rounding directions, subject, profile and shard.
public struct SweepSettings: Sendable {
    public let function: SweepFunction
    public let format: FloatFormat
    public let roundings: [FloatingPointRoundingRule]
    public let subject: SweepSubject
    public let profile: Profile
    public let profileName: String
    public let shard: SweepShard

    /// Refuses formats other than binary16 and bfloat16 for pair functions, and binary64.
    public init(function: SweepFunction, format: FloatFormat, roundings: [FloatingPointRoundingRule], subject: SweepSubject,
                profile: Profile, profileName: String, shard: SweepShard) throws(SweepError) {
        guard format.bitWidth <= 32 else { throw .badInput("cannot sweep f64: 2^64 inputs; expected f16, bf16 or f32") }
        if function.arity == 2 && format.bitWidth > 16 {
            throw .badInput("\(function.function.rawValue) sweeps pairs of f16 or bf16 values (2^32 pairs); f32 pairs are 2^64")
        }
        self.function = function
        self.format = format
        self.roundings = roundings
        self.subject = subject
        self.profile = profile
        self.profileName = profileName
        self.shard = shard
    }

    public var domain: SweepDomain { SweepDomain(format: format, arity: function.arity) }

    /// The points of this shard.
    public var range: Range<UInt64> { shard.range(of: domain.count) }

    var bound: SweepBound { SweepBound(profile: profile, function: function.function, arity: function.arity) }

    /// The fields that identify a sweep in its reports and checkpoints (the shard apart).
    func identity(rounding: FloatingPointRoundingRule) -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [
            ("function", .string(function.function.rawValue)),
            ("format", .string(ProtocolNames.name(of: format))),
            ("rounding", .string(ProtocolNames.name(of: rounding))),
            ("implementation", .string(subject.name)),
        ]
        if let alpha = function.alpha { fields.append(("alpha", .string(alpha.hexString))) }
        if let beta = function.beta { fields.append(("beta", .string(beta.hexString))) }
        fields.append(("profile", .string(profileName)))
        return fields
    }
}
