#if canImport(Glibc)
import Glibc
#endif
import SoftmaxConformance

/// The progress of a sweep on standard error, with rate and ETA, when it is a terminal; silent otherwise.
final class SweepProgressBar {
    private let range: Range<UInt64>
    private let enabled = isatty(2) == 1

    init(range: Range<UInt64>) { self.range = range }

    func show(_ state: SweepState) {
        guard enabled, !range.isEmpty else { return }
        // Rate and ETA from the state's seconds, which a resumed run carries over.
        let done = state.next - range.lowerBound, total = UInt64(range.count)
        let fraction = Double(done) / Double(total)
        let rate = state.seconds > 0 ? Double(done) / state.seconds : 0
        let eta = rate > 0 ? Int(Double(total - done) / rate) : 0
        let width = 30, filled = Int(fraction * Double(width))
        let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
            + "\(Int(fraction * 100))% \(Self.rate(rate)) inputs/s ETA \(eta / 3600):\(pad(eta / 60 % 60)):\(pad(eta % 60))  "
        _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    }

    func finish() {
        guard enabled, !range.isEmpty else { return }
        _ = "\n".utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func rate(_ r: Double) -> String {
        r >= 1e6 ? "\(Double(Int(r / 1e4)) / 100)M" : r >= 1e3 ? "\(Double(Int(r / 10)) / 100)k" : "\(Int(r))"
    }
}
