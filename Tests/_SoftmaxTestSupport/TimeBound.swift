import Foundation

/// Wall-time bounds of tests that check a run ends in bounded time, stretched by
/// `SOFTMAXREF_TIME_SCALE` (an integer; `tools/sanitize` sets 10), since a sanitizer build runs
/// several times slower. The bounds themselves are for a normal debug build.
public enum TimeBound {
    public static let scale: Int = max(1, Int(ProcessInfo.processInfo.environment["SOFTMAXREF_TIME_SCALE"] ?? "") ?? 1)

    /// `seconds`, stretched by ``scale``.
    public static func seconds(_ seconds: Int) -> Duration { .seconds(seconds * scale) }
}
