import ArgumentParser

/// `--report` and `--output` for `validate`: text, json, junit or html.
struct ReportOptions: ParsableArguments {
    enum Style: String, ExpressibleByArgument, CaseIterable { case text, json, junit, html }

    @Option(name: .long, help: "The report format.")
    var report: Style = .text

    @Option(name: .long, help: "Write the report to this file instead of standard output (see README: --output).")
    var output: String?

    /// Prints the rendered report, or writes it to `--output`.
    func emit(_ rendered: String) throws { try ReportDestination.emit(rendered, to: output) }
}
