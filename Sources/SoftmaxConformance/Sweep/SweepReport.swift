import Multiprecision

/// The result of a sweep (or of merged shards) in one rounding direction, with the exact errors
/// of its worst outputs; rendered as JSON (``json``), read back by `sweep merge`.
public struct SweepReport: Sendable {
    /// The identifying fields (function, format, rounding, implementation, parameters, profile).
    let identity: [(String, JSONValue)]
    public let shard: SweepShard
    /// The shard's points, [first, end) among `total`.
    let first: UInt64, end: UInt64, total: UInt64
    let tally: SweepTally
    /// The ten worst outputs with exact errors.
    public let worst: [SweepEntry]
    /// Whether monotonicity was checked (f is non-decreasing).
    let monotone: Bool
    /// Inputs the fast path declined to the reference.
    let declined: UInt64
    public let seconds: Double

    public var maxUlp: Double { worst.first?.error ?? 0 }
    /// Whether every output is within the profile's bound.
    public var succeeded: Bool { tally.beyondBound == 0 && tally.violations == 0 }
    public var inputs: UInt64 { tally.points }
    public var correctlyRounded: UInt64 { tally.correct }
    /// An identifying field's text ("" when absent).
    func field(_ key: String) -> String {
        if case .string(let s)? = identity.first(where: { $0.0 == key })?.1 { s } else { "" }
    }

    init(identity: [(String, JSONValue)], shard: SweepShard, first: UInt64, end: UInt64, total: UInt64, tally: SweepTally,
         worst: [SweepEntry], monotone: Bool, declined: UInt64, seconds: Double) {
        self.identity = identity
        self.shard = shard
        self.first = first
        self.end = end
        self.total = total
        self.tally = tally
        self.worst = worst
        self.monotone = monotone
        self.declined = declined
        self.seconds = seconds
    }

    static func share(_ count: UInt64, of total: UInt64) -> JSONValue {
        SweepJSON.number(total == 0 ? 1 : Double(count) / Double(total))
    }

    public var json: JSONValue {
        let t = tally
        func examples(_ count: UInt64, _ list: [SweepEntry]) -> JSONValue {
            .object([("count", .number(String(count))), ("first", .array(list.map(\.json)))])
        }
        return .object(identity + [
            ("shard", .object([("k", .number(String(shard.index))), ("n", .number(String(shard.count))),
                               ("first", .number(String(first))), ("end", .number(String(end))), ("of", .number(String(total)))])),
            ("inputs", .number(String(t.points))),
            ("outputs", .number(String(t.outputs))),
            ("correctly_rounded", .object([("count", .number(String(t.correct))), ("share", Self.share(t.correct, of: t.outputs))])),
            ("faithful", .object([("count", .number(String(t.faithful))), ("share", Self.share(t.faithful, of: t.outputs))])),
            ("max_ulp", SweepJSON.number(maxUlp)),
            ("beyond_profile", .number(String(t.beyondBound))),
            ("histogram", .array(t.histogram.indices.filter { t.histogram[$0] > 0 }.map {
                .object([("ulps", .string(SweepHistogram.label($0))), ("count", .number(String(t.histogram[$0])))])
            })),
            ("worst", .array(worst.map(\.json))),
            ("monotonicity_violations", monotone ? examples(t.violations, t.firstViolations) : .null),
            ("non_finite_mismatches", examples(t.nonFinite, t.firstNonFinite)),
            ("fast_path_declined", .number(String(declined))),
            ("seconds", SweepJSON.number(seconds)),
        ])
    }

    /// Reads a report back from its JSON.
    init(json: JSONValue) throws(SweepError) {
        guard case .object(let members) = json, let shardJSON = json["shard"] else { throw .badInput("not a sweep report: no 'shard'") }
        identity = members.filter { ["function", "format", "rounding", "implementation", "alpha", "beta", "profile"].contains($0.0) }
        guard let formatName = json["format"], case .string(let name) = formatName, let format = ProtocolNames.format(named: name) else {
            throw .badInput("not a sweep report: no 'format'")
        }
        shard = SweepShard(index: Int(try SweepJSON.integer(shardJSON["k"], "shard.k")), count: Int(try SweepJSON.integer(shardJSON["n"], "shard.n")))
        first = try SweepJSON.integer(shardJSON["first"], "shard.first")
        end = try SweepJSON.integer(shardJSON["end"], "shard.end")
        total = try SweepJSON.integer(shardJSON["of"], "shard.of")
        var t = SweepTally()
        t.points = try SweepJSON.integer(json["inputs"], "inputs")
        t.outputs = try SweepJSON.integer(json["outputs"], "outputs")
        t.correct = try SweepJSON.integer(json["correctly_rounded"]?["count"], "correctly_rounded.count")
        t.faithful = try SweepJSON.integer(json["faithful"]?["count"], "faithful.count")
        t.beyondBound = try SweepJSON.integer(json["beyond_profile"], "beyond_profile")
        guard case .array(let buckets)? = json["histogram"] else { throw .badInput("'histogram' is not a list") }
        for b in buckets {
            guard let label = b["ulps"], case .string(let s) = label, let i = SweepHistogram.bucket(label: s) else { throw .badInput("a histogram bucket without 'ulps'") }
            t.histogram[i] = try SweepJSON.integer(b["count"], "histogram.count")
        }
        monotone = json["monotonicity_violations"] != .null
        if monotone {
            t.violations = try SweepJSON.integer(json["monotonicity_violations"]?["count"], "monotonicity_violations.count")
            t.firstViolations = try SweepJSON.entries(json["monotonicity_violations"]?["first"], "monotonicity_violations.first", format)
        }
        t.nonFinite = try SweepJSON.integer(json["non_finite_mismatches"]?["count"], "non_finite_mismatches.count")
        t.firstNonFinite = try SweepJSON.entries(json["non_finite_mismatches"]?["first"], "non_finite_mismatches.first", format)
        tally = t
        worst = try SweepJSON.entries(json["worst"], "worst", format)
        declined = try SweepJSON.integer(json["fast_path_declined"], "fast_path_declined")
        seconds = try SweepJSON.double(json["seconds"], "seconds")
    }
}
