/// Knuth's TwoSum: s + e == a + b exactly, s = fl(a + b).
@inline(__always)
func twoSum<R: BinaryFloatingPoint>(_ a: R, _ b: R) -> (R, R) {
    let s = a + b
    let bb = s - a
    return (s, (a - (s - bb)) + (b - bb))
}

/// A running sum with TwoSum error compensation (Neumaier): error ≤ 2u·Σ|x| + O(n·u²).
struct CompensatedSum {
    var high: Double = 0
    var low: Double = 0

    @inline(__always)
    mutating func add(_ x: Double) {
        let (s, e) = twoSum(high, x)
        high = s
        low += e
    }

    /// The sum; once an infinity was added the correction term is NaN (inf − inf), so the
    /// infinite (or NaN) running sum is the answer.
    var value: Double { high.isFinite ? high + low : high }
}
