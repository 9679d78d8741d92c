import Multiprecision
import SoftmaxConformance
import SoftmaxReference
import Testing

/// Sweeps: shards that partition, merges equal to the unsharded run, checkpoints that resume,
/// and the verdicts on implementations with known faults.
@Suite struct SweepTests {
    static func settings(_ function: String = "sigmoid", _ format: FloatFormat = .binary16, subject: SweepSubject,
                         roundings: [FloatingPointRoundingRule] = [.toNearestOrEven], shard: SweepShard = .whole,
                         profile: Profile = .framework) throws -> SweepSettings {
        try SweepSettings(function: try SweepFunction(function), format: format, roundings: roundings, subject: subject,
                          profile: profile, profileName: "\(profile)", shard: shard)
    }

    static func run(_ settings: SweepSettings) throws -> [SweepReport] {
        let runner = SweepRunner(settings: settings, threads: 2)
        return try runner.reports(try runner.run(from: runner.initialState))
    }

    /// A report's JSON without its timing.
    static func untimed(_ r: SweepReport) -> String {
        guard case .object(let members) = r.json else { return "" }
        return JSONValue.object(members.filter { $0.0 != "seconds" }).serialized
    }

    static let simd = SweepSubject(BuiltInImplementations.named("simd")!)

    /// The reference's sigmoid to nearest with each output y of input x replaced by change(x, y).
    static func patched(_ name: String, _ change: @escaping @Sendable (FloatValue, FloatValue) -> FloatValue) -> ClosureImplementation {
        ClosureImplementation(name: name) { r in
            guard let y = try? ReferenceImplementation.rounded(r, rounding: .toNearestOrEven) else { return .failure("reference") }
            return .values(zip(r.input, y).map(change))
        }
    }

    @Test("shards K/N partition the points for every N", arguments: [1, 2, 3, 7, 64])
    func shardsPartition(n: Int) throws {
        for points in [UInt64(1) << 16, 1 << 32, 10] {
            var next: UInt64 = 0
            for k in 1...n {
                let r = try SweepShard(parsing: "\(k)/\(n)").range(of: points)
                #expect(r.lowerBound == next)
                next = r.upperBound
            }
            #expect(next == points)
        }
    }

    @Test("bad shards are refused", arguments: ["0/4", "5/4", "1/0", "a/b", "1/2/3", "3"])
    func badShards(text: String) {
        #expect(throws: SweepError.self) { try SweepShard(parsing: text) }
    }

    @Test("merging three shards gives the unsharded report byte for byte but for seconds")
    func mergeEqualsWhole() throws {
        let rules: [FloatingPointRoundingRule] = [.toNearestOrEven, .down, .up, .towardZero]
        let whole = try Self.run(try Self.settings(subject: Self.simd, roundings: rules))
        let shards = try (1...3).map { k in try Self.run(try Self.settings(subject: Self.simd, roundings: rules, shard: SweepShard(parsing: "\(k)/3"))) }
        let merged = try SweepMerge.merge(shards.map { .array($0.map(\.json)) })
        #expect(merged.count == 4)
        #expect(merged.map(Self.untimed) == whole.map(Self.untimed))
        // The shards differ from the whole: the test compares something.
        #expect(Self.untimed(shards[0][0]) != Self.untimed(whole[0]))
    }

    @Test("merging refuses a missing or repeated shard")
    func mergeRefusesIncomplete() throws {
        let a = try Self.run(try Self.settings(subject: Self.simd, shard: SweepShard(parsing: "1/2")))[0].json
        #expect(throws: SweepError.self) { try SweepMerge.merge([a]) }
        #expect(throws: SweepError.self) { try SweepMerge.merge([a, a]) }
    }

    @Test("a run stopped after three chunks and resumed from its checkpoint equals an uninterrupted run")
    func checkpointResumes() throws {
        let settings = try Self.settings(subject: Self.simd, roundings: [.toNearestOrEven, .up])
        var runner = SweepRunner(settings: settings, threads: 1)
        runner.chunkSize = 4096
        let part = try runner.run(from: runner.initialState, chunks: 3)
        #expect(part.next == 3 * 4096)
        // Through the checkpoint's text, as a new process would read it.
        let saved = try JSONParser.parse(part.json(settings).serialized)
        let resumed = try runner.run(from: try SweepState(json: saved, settings: settings))
        let whole = try runner.run(from: runner.initialState)
        #expect(try runner.reports(resumed).map(Self.untimed) == runner.reports(whole).map(Self.untimed))
        // A checkpoint of another sweep is refused.
        let other = try Self.settings("exponential", subject: Self.simd, roundings: [.toNearestOrEven, .up])
        #expect(throws: SweepError.self) { try SweepState(json: saved, settings: other) }
    }

    @Test("NaN must give NaN: an implementation answering 1/2 for NaN has one non-finite mismatch per NaN encoding")
    func nanGivesNaN() throws {
        let nanless = Self.patched("nanless") { x, y in x.isNaN ? FloatValue(Float16(0.5)) : y }
        let report = try Self.run(try Self.settings(subject: SweepSubject(nanless)))[0]
        // binary16 NaNs: exponent all ones, fraction nonzero, either sign: 2·(2^10 - 1).
        #expect(report.json["non_finite_mismatches"]?["count"] == .number("2046"))
        #expect(report.correctlyRounded == 65536 - 2046)
        #expect(report.maxUlp == .infinity)
        #expect(!report.succeeded)
    }

    @Test("an implementation off by one ulp above 1/2 fails strict, passes faithful, and its errors are exact")
    func offByOne() throws {
        // σ(x) rounded up instead of to nearest: faithful, and wrong exactly where RN != RU.
        let roundUp = ClosureImplementation(name: "round-up") { r in
            .values((try? ReferenceImplementation.rounded(r, rounding: .up)) ?? [])
        }
        let strict = try Self.run(try Self.settings(subject: SweepSubject(roundUp), profile: .strict))[0]
        let faithful = try Self.run(try Self.settings(subject: SweepSubject(roundUp), profile: .faithful))[0]
        #expect(!strict.succeeded)
        #expect(faithful.succeeded)
        #expect(strict.json["faithful"]?["count"] == .number("65536"))
        // Below 1 ulp (σ of x < -17 is below 2^-54, and its RU, the least subnormal, is 1 - 2^-30 ulp
        // away: 1 as a Double).
        #expect(strict.maxUlp > 0.5 && strict.maxUlp <= 1)
        // The worst output is RU where RN is RD: one step from the correctly rounded value.
        let w = strict.worst[0]
        #expect(FloatValue.ulpDistance(w.output, w.expected) == 1)
    }

    @Test("a decreasing output is a monotonicity violation")
    func monotonicity() throws {
        // Sigmoid, except that 1 (0x3c00) gets the value at 0.5's output: below its neighbours'.
        let dip = Self.patched("dip") { x, y in x.bits == 0x3C00 ? FloatValue(Float16(0.5)) : y }
        let report = try Self.run(try Self.settings(subject: SweepSubject(dip)))[0]
        // 0x3bff < 1 gives more than σ(1)'s replacement: one violation, between 0x3bff and 0x3c00.
        #expect(report.json["monotonicity_violations"]?["count"] == .number("1"))
        #expect(report.json["monotonicity_violations"]?["first"]?.serialized.contains("\"0x3c00\"") == true)
    }

    @Test("pairs: softmax of (+0, b) is (σ(-b), σ(b)), the fast path's values for sigmoid")
    func softmaxPairs() throws {
        // Shard 1 of 2^20 holds the 4096 pairs (+0, b) for b = 0x0000 ... 0x0fff.
        let settings = try Self.settings("softmax", subject: Self.simd, shard: SweepShard(parsing: "1/1048576"))
        #expect(settings.range == 0..<4096)
        let reports = try Self.run(settings)
        #expect(reports[0].inputs == 4096)
        #expect(reports[0].json["outputs"] == .number("8192"))
        // The oracle's values, derived independently by the sigmoid fast path.
        let oracle = SweepSubject.reference
        let pairs = try Self.run(try Self.settings("softmax", subject: oracle, shard: SweepShard(parsing: "1/1048576"), profile: .strict))[0]
        #expect(pairs.correctlyRounded == 8192)
        for b in stride(from: UInt64(1), to: 4096, by: 97) {
            let x = FloatValue(format: .binary16, bits: b), minusX = FloatValue(format: .binary16, bits: b | 0x8000)
            let s = try ReferenceImplementation.rounded(ImplementationRequest(.softmax, format: .binary16, input: [.zero(.binary16), x]), rounding: .toNearestOrEven)
            #expect(s[1] == FastPath.roundings("sigmoid", x)?.nearest)
            #expect(s[0] == FastPath.roundings("sigmoid", minusX)?.nearest)
        }
    }

    @Test("histogram buckets: 0, 1, 2, 3-4, 5-8, ...")
    func histogramBuckets() throws {
        let offBy = [0: "0", 1: "1", 2: "2", 3: "3-4", 4: "3-4", 5: "5-8", 8: "5-8", 9: "9-16"]
        // The reference's value moved k steps up for inputs 0x3c00 + k (k in 0...9).
        let twice = Self.patched("steps") { x, y in
            var y = y
            if x.bits >= 0x3C00 && x.bits <= 0x3C09 { for _ in 0..<(x.bits - 0x3C00) { y = y.nextUp } }
            return y
        }
        let report = try Self.run(try Self.settings(subject: SweepSubject(twice)))[0]
        var expected: [String: Int] = ["0": 65536 - 9]
        for k in 1...9 { expected[offBy[k] ?? (k <= 8 ? "5-8" : "9-16"), default: 0] += 1 }
        guard case .array(let buckets)? = report.json["histogram"] else { Issue.record("no histogram"); return }
        var got: [String: Int] = [:]
        for b in buckets { if case .string(let l)? = b["ulps"], case .number(let n)? = b["count"] { got[l] = Int(n) } }
        #expect(got == expected)
    }
}
