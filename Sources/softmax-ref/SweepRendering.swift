import SoftmaxConformance

/// A sweep's reports in the format asked: one per rounding direction (a JSON list when several).
enum SweepRendering {
    static func render(_ reports: [SweepReport], style: ReportOptions.Style) -> String {
        switch style {
        case .text: reports.map(\.text).joined(separator: "\n\n") + "\n"
        case .json: (reports.count == 1 ? reports[0].json : .array(reports.map(\.json))).serialized + "\n"
        case .junit: SweepReport.junit(reports)
        case .html: SweepReport.html(reports)
        }
    }
}
