import ArgumentParser

/// `--report` and `--output` for `check`, which has no HTML report: the help lists only what it takes.
struct CheckReportOptions: ParsableArguments {
    enum Style: String, ExpressibleByArgument, CaseIterable { case text, json, junit }

    @Option(name: .customLong("report"), help: "The report format.")
    var style: Style = .text

    @Option(name: .long, help: "Write the report to this file instead of standard output (see README: --output).")
    var output: String?

    /// Prints the rendered report, or writes it to `--output`.
    func emit(_ rendered: String) throws { try ReportDestination.emit(rendered, to: output) }
}
