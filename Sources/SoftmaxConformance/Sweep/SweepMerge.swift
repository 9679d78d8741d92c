/// `sweep merge`: the reports of the N shards of one sweep combined into the report of the
/// whole, equal to the unsharded run's but for `seconds` (the sum of the shards').
public enum SweepMerge {
    /// Merges shard reports, each a report or a list of them (one per rounding direction).
    public static func merge(_ documents: [JSONValue]) throws(SweepError) -> [SweepReport] {
        var byRounding: [String: [SweepReport]] = [:]
        var order: [String] = []
        for document in documents {
            let items: [JSONValue] = if case .array(let list) = document { list } else { [document] }
            for item in items {
                let report = try SweepReport(json: item)
                if byRounding[report.field("rounding")] == nil { order.append(report.field("rounding")) }
                byRounding[report.field("rounding"), default: []].append(report)
            }
        }
        return try order.map { (rounding: String) throws(SweepError) in try combine(byRounding[rounding]!) }
    }

    /// One sweep's shards, which must be all N of one partition.
    static func combine(_ shards: [SweepReport]) throws(SweepError) -> SweepReport {
        let first = shards[0]
        let n = first.shard.count
        for s in shards where s.identity.map(\.0) != first.identity.map(\.0) || !zip(s.identity, first.identity).allSatisfy({ $0.1 == $1.1 }) {
            throw .badInput("shard \(s.shard) is of another sweep (\(describe(s)) vs \(describe(first)))")
        }
        let indices = shards.map(\.shard.index).sorted()
        guard shards.allSatisfy({ $0.shard.count == n && $0.total == first.total }), indices == Array(1...n) else {
            let missing = Set(1...n).subtracting(indices).sorted()
            throw .badInput("expected each of shards 1/\(n) to \(n)/\(n) once; got \(shards.map(\.shard.description).joined(separator: ", "))"
                            + (missing.isEmpty ? "" : " (missing \(missing.map { "\($0)/\(n)" }.joined(separator: ", ")))"))
        }
        var tally = SweepTally()
        for s in shards { tally.merge(s.tally) }
        let worst = Array(shards.flatMap(\.worst).sorted(by: SweepEntry.worse).prefix(SweepTally.shown))
        return SweepReport(identity: first.identity, shard: .whole, first: 0, end: first.total, total: first.total, tally: tally,
                           worst: worst, monotone: first.monotone, declined: shards.reduce(0) { $0 + $1.declined },
                           seconds: shards.reduce(0) { $0 + $1.seconds })
    }

    static func describe(_ r: SweepReport) -> String {
        r.identity.map { "\($0.0) \($0.1.serialized)" }.joined(separator: ", ")
    }
}
