import SoftmaxConformance

/// Where a report goes: standard output (no `--output`, or `-`), or a file written by `OutputFile`'s rules.
enum ReportDestination {
    static func emit(_ rendered: String, to output: String?) throws(FileError) {
        guard let output, output != "-" else { return try StandardOutput.write(rendered) }
        try OutputFile.write(rendered, to: output)
    }
}
