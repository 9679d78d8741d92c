import ArgumentParser
import SoftmaxConformance

/// `softmax-ref bench`: speed reports (never assertions) for the reference, the kernels and the harness.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the speed of the reference (correctly rounded rows per second).",
        discussion: """
            Reports only; it never fails on a number. Example:
              swift run -c release softmax-ref bench --reference --json
            """)

    @Flag(name: .long, help: "Time the reference: f64 and f32 softmax at n = 7, 100, 1000 and f32 sigmoid.")
    var reference = false

    @Option(name: .long, help: "Seconds to spend on each case.")
    var seconds: Double = 1.0

    @Flag(name: .long, help: "Print one JSON object per line instead of a table.")
    var json = false

    func validate() throws {
        guard reference else { throw ValidationError("choose what to measure: --reference") }
        guard seconds > 0 && seconds <= 600 else { throw ValidationError("--seconds must be in (0, 600]; got \(seconds)") }
    }

    func run() throws {
        let results = try ReferenceBenchmark.run(budget: seconds)
        if !json { print("function   format    n      rows   rows/s") }
        for m in results {
            let name = ProtocolNames.name(of: m.format)
            let rate = Int(m.rowsPerSecond.rounded())
            if json {
                print(JSONValue.object([
                    "bench": .string("reference"), "function": .string(m.function.rawValue), "format": .string(name),
                    "n": .number(String(m.n)), "rows": .number(String(m.rows)), "rows_per_second": .number(String(rate)),
                ]).serialized)
            } else {
                print(Self.column(m.function.rawValue, 11) + Self.column(name, 10) + Self.column(String(m.n), 7) + Self.column(String(m.rows), 7) + String(rate))
            }
        }
    }
}

extension Bench {
    /// `text` left-aligned in a column of `width` characters (at least one space after it).
    static func column(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
