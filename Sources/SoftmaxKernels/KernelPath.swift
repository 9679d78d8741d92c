/// The code that computes a request's rows, chosen once per request by ``KernelDriver/path(for:)`` and
/// followed by ``KernelDriver/run(_:)``: tests ask it which path a request takes instead of inferring
/// it from a bound that every path keeps.
enum KernelPath: Equatable, Sendable {
    /// Fewer long rows than threads, each split into slices over the threads (``RowSlices``).
    case rowSlices
    /// The C loops through this entry point (``NativeRows``); the rows they decline go to the Swift code.
    case native(NativeRows.Entry)
    /// The Swift code, row by row (every algorithm but `simd`, the functions and the instruction sets
    /// the C loops do not cover).
    case swift
}
