/// Ulp counts as report text ("0.5", "37", "inf").
enum UlpErrorText {
    static func format(_ ulps: Double) -> String { CheckReport.format(ulps) }
}
