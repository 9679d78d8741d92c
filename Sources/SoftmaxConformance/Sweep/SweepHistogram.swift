/// The buckets of a sweep's histogram: how many format values lie between an output and the
/// correctly rounded value. "0" is correctly rounded, then 1, 2, 3-4, 5-8, ..., (2^31, 2^32],
/// and "non-finite" for a NaN or infinity where the other is not the same (a wrong sign of
/// zero counts as 1).
enum SweepHistogram {
    static let nonFinite = 34
    static let count = 35

    /// The bucket of a distance (nil: a non-finite mismatch).
    static func bucket(_ distance: Int?) -> Int {
        guard let distance else { return nonFinite }
        if distance <= 2 { return distance }
        return 1 + (Int.bitWidth - (distance - 1).leadingZeroBitCount)  // 1 + ⌈log2 d⌉
    }

    static func label(_ bucket: Int) -> String {
        switch bucket {
        case nonFinite: "non-finite"
        case 0...2: String(bucket)
        default: "\((1 << (bucket - 2)) + 1)-\(1 << (bucket - 1))"
        }
    }

    static func bucket(label: String) -> Int? { (0..<count).first { Self.label($0) == label } }
}
