import Multiprecision

/// A sweep in progress: the points [first, next) of its shard are tallied, one tally per
/// rounding direction. Saved to and read from a checkpoint file.
public struct SweepState: Sendable, Equatable {
    public internal(set) var next: UInt64
    var tallies: [SweepTally]
    var declined: UInt64 = 0
    /// Seconds spent so far, across resumptions.
    public internal(set) var seconds: Double = 0

    init(start: UInt64, directions: Int) {
        next = start
        tallies = Array(repeating: SweepTally(), count: directions)
    }

    /// The checkpoint: the settings' identity (checked on resumption), the position and the tallies.
    public func json(_ settings: SweepSettings) -> JSONValue {
        .object([
            ("sweep", .object(settings.identity(rounding: settings.roundings[0]) + [
                ("roundings", .strings(settings.roundings.map(ProtocolNames.name(of:)))), ("shard", .string(settings.shard.description)),
            ])),
            ("next", .number(String(next))),
            ("declined", .number(String(declined))),
            ("seconds", SweepJSON.number(seconds)),
            ("tallies", .array(tallies.map(\.stateJSON))),
        ])
    }

    /// Reads a checkpoint of `settings`' sweep; refuses one of another sweep.
    public init(json: JSONValue, settings: SweepSettings) throws(SweepError) {
        let expected = JSONValue.object(settings.identity(rounding: settings.roundings[0]) + [
            ("roundings", .strings(settings.roundings.map(ProtocolNames.name(of:)))), ("shard", .string(settings.shard.description)),
        ])
        guard json["sweep"]?.serialized == expected.serialized else {
            throw .badInput("the checkpoint is of another sweep: \(json["sweep"]?.serialized ?? "none"); this one is \(expected.serialized)")
        }
        next = try SweepJSON.integer(json["next"], "next")
        guard settings.range.contains(next) || next == settings.range.upperBound else { throw .badInput("the checkpoint's 'next' is outside the shard") }
        declined = try SweepJSON.integer(json["declined"], "declined")
        seconds = try SweepJSON.double(json["seconds"], "seconds")
        guard case .array(let items)? = json["tallies"], items.count == settings.roundings.count else { throw .badInput("the checkpoint's 'tallies' do not match") }
        tallies = try items.map { (item: JSONValue) throws(SweepError) in try SweepTally(stateJSON: item, format: settings.format) }
    }
}

extension SweepTally {
    /// Everything in the tally, estimates of the candidates' errors included.
    var stateJSON: JSONValue {
        func n(_ v: UInt64) -> JSONValue { .number(String(v)) }
        return .object([
            ("points", n(points)), ("outputs", n(outputs)), ("correct", n(correct)), ("faithful", n(faithful)),
            ("beyond", n(beyondBound)), ("histogram", .array(histogram.map(n))), ("candidates", .array(candidates.map(\.json))),
            ("violations", n(violations)), ("first_violations", .array(firstViolations.map(\.json))),
            ("non_finite", n(nonFinite)), ("first_non_finite", .array(firstNonFinite.map(\.json))),
        ])
    }

    init(stateJSON j: JSONValue, format: FloatFormat) throws(SweepError) {
        points = try SweepJSON.integer(j["points"], "points")
        outputs = try SweepJSON.integer(j["outputs"], "outputs")
        correct = try SweepJSON.integer(j["correct"], "correct")
        faithful = try SweepJSON.integer(j["faithful"], "faithful")
        beyondBound = try SweepJSON.integer(j["beyond"], "beyond")
        guard case .array(let h)? = j["histogram"], h.count == SweepHistogram.count else { throw .badInput("bad 'histogram' in the checkpoint") }
        histogram = try h.map { (v: JSONValue) throws(SweepError) in try SweepJSON.integer(v, "histogram") }
        candidates = try SweepJSON.entries(j["candidates"], "candidates", format)
        violations = try SweepJSON.integer(j["violations"], "violations")
        firstViolations = try SweepJSON.entries(j["first_violations"], "first_violations", format)
        nonFinite = try SweepJSON.integer(j["non_finite"], "non_finite")
        firstNonFinite = try SweepJSON.entries(j["first_non_finite"], "first_non_finite", format)
    }
}
