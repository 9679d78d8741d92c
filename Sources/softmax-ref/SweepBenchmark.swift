#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Multiprecision
import SoftmaxConformance
import SoftmaxReference

/// `bench --sweep`: outputs per second per core of the correctly rounded values alone (the fast
/// path, and the reference's own path for comparison) and of whole sweeps of the simd sigmoid.
enum SweepBenchmark {
    /// The binary32 inputs timed: 2^20 encodings from 2 up (x in [2, 2.25)), where every input takes
    /// the fast path's exponential: the slowest region of a sweep, so the f32 estimate is an upper bound.
    static let f32Range: Range<UInt64> = 0x4000_0000..<0x4010_0000

    /// Rates are per second of CPU time of the process (all its threads): on a shared machine a
    /// wall clock measures the other users too. The f16 sweep is also timed by the wall clock.
    static func run(json: Bool) throws {
        let clock = ContinuousClock()
        func seconds(_ body: () throws -> Void) rethrows -> Double {
            let start = cpuSeconds()
            try body()
            return cpuSeconds() - start
        }
        let inputs = f32Range.map { FloatValue(format: .binary32, bits: $0) }
        var decided = 0
        let fast = seconds { for x in inputs where FastPath.roundings("sigmoid", x) != nil { decided += 1 } }
        let slice = Array(inputs.prefix(1 << 16))
        let reference = try seconds {
            for rule in [FloatingPointRoundingRule.toNearestOrEven, .down, .up] {
                _ = try ReferenceImplementation.rounded(ImplementationRequest(.sigmoid, format: .binary32, input: slice), rounding: rule)
            }
        }
        let simd = SweepSubject(BuiltInImplementations.named("simd")!)
        let shard = try SweepShard(parsing: "1025/4096")  // the same 2^20 inputs as f32Range
        let one = try SweepSettings(function: SweepFunction("sigmoid"), format: .binary32, roundings: [.toNearestOrEven], subject: simd,
                                    profile: .framework, profileName: "framework", shard: shard)
        precondition(one.range == f32Range, "the benchmark's shard is its range")
        let perCore = try seconds { _ = try SweepRunner(settings: one, threads: 1).run(from: SweepRunner(settings: one, threads: 1).initialState) }
        let f16 = try SweepSettings(function: SweepFunction("sigmoid"), format: .binary16, roundings: [.toNearestOrEven, .down, .up, .towardZero],
                                    subject: simd, profile: .framework, profileName: "framework", shard: .whole)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let wallStart = clock.now
        let whole16 = try seconds {
            let runner = SweepRunner(settings: f16, threads: cores)
            _ = try runner.reports(try runner.run(from: runner.initialState))
        }
        let whole16Wall = ReferenceBenchmark.seconds(clock.now - wallStart)
        let rows: [(String, Double, String)] = [
            ("correct roundings by the fast path: sigmoid f32", Double(inputs.count) / fast, "inputs/s/core, 3 directions each (\(inputs.count - decided) declined)"),
            ("correct roundings by the reference (fixed width, then GMP): sigmoid f32", Double(slice.count) / reference, "inputs/s/core, 3 directions each"),
            ("sweep: simd sigmoid f32 (one direction)", Double(inputs.count) / perCore, "inputs/s/core"),
            ("sweep: all 65536 f16 inputs of simd sigmoid, 4 directions, \(cores) threads", whole16Wall, "s (wall clock)"),
            ("sweep: all 65536 f16 inputs of simd sigmoid, 4 directions", whole16, "s of CPU"),
            ("sweep: all 2^32 f32 inputs of simd sigmoid on \(cores) cores (upper bound)", 0x1p32 * perCore / Double(inputs.count) / Double(cores), "s"),
        ]
        for (what, value, unit) in rows where value.isFinite {
            if json {
                print(JSONValue.object(["bench": .string("sweep"), "what": .string(what), "value": .number(String(Int(value.rounded()))), "unit": .string(unit)]).serialized)
            } else {
                print("\(what): \(value < 100 ? String(Double(Int(value * 100)) / 100) : String(Int(value.rounded()))) \(unit)")
            }
        }
    }

    /// CPU seconds used by the process so far.
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
