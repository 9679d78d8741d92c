/// Shard K of N (1 <= K <= N): the K-th of N contiguous, nearly equal ranges of the sweep's
/// points, [⌊(K-1)·P/N⌋, ⌊K·P/N⌋) for P points. The ranges partition the points whatever N.
public struct SweepShard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public static let whole = SweepShard(index: 1, count: 1)

    init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses "K/N".
    public init(parsing text: String) throws(SweepError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= 1 << 20, (1...n).contains(k) else {
            throw .badInput("--shard must be K/N with 1 <= K <= N <= 1048576; got '\(text)'")
        }
        self.init(index: k, count: n)
    }

    /// The point indices of this shard among `points`.
    public func range(of points: UInt64) -> Range<UInt64> {
        let n = UInt64(count), k = UInt64(index)  // P <= 2^32 and N <= 2^20: no overflow
        return (points * (k - 1) / n)..<(points * k / n)
    }

    public var description: String { "\(index)/\(count)" }
}
