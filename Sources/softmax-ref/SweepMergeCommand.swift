import ArgumentParser
import Foundation
import SoftmaxConformance

/// `softmax-ref sweep merge SHARD.json...`: the report of the whole sweep from its shards' JSON reports.
struct SweepMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the JSON reports of all N shards of a sweep into the report of the whole.",
        discussion: """
            The result equals the unsharded sweep's report but for seconds (the shards' sum). Exit 0 \
            when every output is within the profile's bound, 1 otherwise, 2 for bad input. Example:
              softmax-ref sweep merge shard-*.json --report json --output sweep.json
            """)

    @Argument(help: "The shards' JSON reports (sweep --report json).")
    var shards: [String]

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if shards.isEmpty { throw ValidationError("give the shards' JSON reports") }
    }

    func run() throws {
        var documents: [JSONValue] = []
        for path in shards {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw ValidationError("cannot read shard report '\(path)'")
            }
            do { documents.append(try JSONParser.parse(text)) } catch { throw ValidationError("\(path): \(error)") }
        }
        let reports: [SweepReport]
        do { reports = try SweepMerge.merge(documents) } catch { throw ValidationError(error.description) }
        try report.emit(SweepRendering.render(reports, style: report.report))
        if !reports.allSatisfy(\.succeeded) { throw ExitCode(ExitStatus.checkFailed) }
    }
}
