import Foundation
import Testing

/// `softmax-ref sweep` and `sweep merge` from the command line: exit codes, refusals with a
/// reason, and shards merged through files equal to the unsharded run.
@Suite struct SweepCommandTests {
    @Test("bad usage is exit 2 with a reason", arguments: [
        (["--function", "softmax-vjp", "--format", "f16", "--implementation", "reference"], "cannot sweep 'softmax-vjp'"),
        (["--function", "tanh", "--format", "f16", "--implementation", "two-pass"], "'two-pass' does not compute tanh in f16"),
        (["--function", "tanh", "--format", "bf16", "--implementation", "simd"], "'simd' does not compute tanh in bf16"),
        (["--function", "sigmoid", "--format", "f64", "--implementation", "simd"], "unknown format 'f64'"),
        (["--function", "softmax", "--format", "f32", "--implementation", "simd"], "pairs of f16 or bf16"),
        (["--function", "sigmoid", "--format", "f16", "--implementation", "simd", "--shard", "5/4"], "--shard must be K/N"),
        (["--function", "sigmoid", "--format", "f16", "--implementation", "simd", "--alpha", "1"], "sigmoid takes no --alpha"),
        (["--function", "sigmoid", "--format", "f16"], "exactly one of --implementation or --command"),
    ])
    func badUsage(arguments: [String], message: String) throws {
        let r = try CommandRunner.run(["sweep"] + arguments)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test("two shards written to files merge into the unsharded report")
    func shardsThroughFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let common = ["sweep", "--function", "sigmoid", "--format", "f16", "--implementation", "simd", "--report", "json"]
        for k in 1...2 {
            let r = try CommandRunner.run(common + ["--shard", "\(k)/2", "--output", dir.appendingPathComponent("\(k).json").path])
            #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stderr)")
        }
        let merged = try CommandRunner.run(["sweep", "merge", dir.appendingPathComponent("1.json").path, dir.appendingPathComponent("2.json").path, "--report", "json"])
        let whole = try CommandRunner.run(common)
        #expect(merged.status == 0 && whole.status == 0)
        func untimed(_ text: String) throws -> NSDictionary {
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! NSDictionary
            let copy = object.mutableCopy() as! NSMutableDictionary
            copy.removeObject(forKey: "seconds")
            return copy
        }
        #expect(try untimed(merged.stdout) == untimed(whole.stdout))
        // One shard alone is not the whole: merge refuses it.
        let half = try CommandRunner.run(["sweep", "merge", dir.appendingPathComponent("1.json").path])
        #expect(half.status == 2 && half.stderr.contains("missing 2/2"))
    }

    @Test("an implementation beyond the profile exits 1; the text report says FAIL")
    func failingExitsOne() throws {
        // The naive kernel overflows e^x for large |x|: NaN or 0 where sigmoid is near 0 or 1.
        let r = try CommandRunner.run(["sweep", "--function", "sigmoid", "--format", "f16", "--implementation", "naive", "--profile", "strict"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("FAIL"))
    }
}
