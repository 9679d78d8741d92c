import Multiprecision
import SoftmaxReference

/// Correctly rounded rows per second of the reference, timed in-process on seeded random rows
/// (entries N(0, 3²)-like, exact in the target format): what `softmax-ref bench --reference` prints.
public enum ReferenceBenchmark {
    public struct Measurement: Sendable {
        public let function: ReferenceFunction
        public let format: FloatFormat
        public let n: Int
        public let rows: Int
        public let seconds: Double
        public var rowsPerSecond: Double { Double(rows) / seconds }
    }

    /// The cases of the issue: softmax in f64 and f32 at n = 7, 100, 1000, and f32 sigmoid.
    public static let standardCases: [(ReferenceFunction, FloatFormat, Int)] = [
        (.softmax, .binary64, 7), (.softmax, .binary64, 100), (.softmax, .binary64, 1000),
        (.softmax, .binary32, 7), (.softmax, .binary32, 100), (.softmax, .binary32, 1000),
        (.sigmoid, .binary32, 1000),
    ]

    /// Times each case for about `budget` seconds (at least 3 rows).
    public static func run(budget: Double = 1.0, seed: UInt64 = 1) throws -> [Measurement] {
        var rng = SplitMix64(seed: seed)
        var results: [Measurement] = []
        let clock = ContinuousClock()
        for (function, format, n) in standardCases {
            // A pool of requests made before the clock starts, evaluated in turn.
            let pool = try (0..<64).map { _ in
                try ReferenceRequest(function, input: (0..<n).map { _ in randomLogit(format, using: &rng) })
            }
            var rows = 0
            let start = clock.now
            var elapsed = 0.0
            while rows < 3 || elapsed < budget {
                _ = try Reference.evaluate(pool[rows % pool.count], format: format)
                rows += 1
                if rows % 16 == 0 { elapsed = seconds(clock.now - start) }
            }
            elapsed = seconds(clock.now - start)
            results.append(Measurement(function: function, format: format, n: n, rows: rows, seconds: elapsed))
        }
        return results
    }

    /// Times given requests (e.g. the rows another tool times too), grouped by function, format
    /// and row length in order of first appearance; each group is evaluated in turn, for at least
    /// `budget` seconds and at least once through.
    public static func run(_ requests: [ReferenceResponder.Prepared], budget: Double = 1.0) throws -> [Measurement] {
        var groups: [(key: String, members: [ReferenceResponder.Prepared])] = []
        for r in requests {
            let key = "\(r.function.rawValue) \(r.format.name) \(r.request.input.count)"
            if let i = groups.firstIndex(where: { $0.key == key }) { groups[i].members.append(r) } else { groups.append((key, [r])) }
        }
        let clock = ContinuousClock()
        return try groups.map { group in
            let members = group.members
            var rows = 0
            let start = clock.now
            var elapsed = 0.0
            while rows < members.count || elapsed < budget {
                let r = members[rows % members.count]
                _ = try Reference.evaluate(r.request, format: r.format, rounding: r.rule)
                rows += 1
                if rows % 16 == 0 { elapsed = seconds(clock.now - start) }  // the clock costs a row of 1
            }
            elapsed = seconds(clock.now - start)
            let first = members[0]
            return Measurement(function: first.function, format: first.format, n: first.request.input.count, rows: rows, seconds: elapsed)
        }
    }

    /// A logit of spread about 3, rounded to `format`: sums of uniforms, no floating point.
    static func randomLogit(_ format: FloatFormat, using rng: inout SplitMix64) -> FloatValue {
        let raw = (0..<4).reduce(Int64(0)) { acc, _ in acc + Int64(rng.next() >> 44) } - 2 * (1 << 20)
        return format.round(Dyadic(mantissa: BigInt(Int(raw)), exponent: -19), .toNearestOrEven)
    }

    public static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
