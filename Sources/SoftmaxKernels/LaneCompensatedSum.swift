/// A lane-wise running sum with TwoSum compensation (Neumaier): error ≤ 2u·Σ|x| + O(n·u²).
struct LaneCompensatedSum {
    var high = SIMD4<Double>(repeating: 0)
    var low = SIMD4<Double>(repeating: 0)

    @inline(__always)
    mutating func add(_ x: SIMD4<Double>) {
        let s = high + x
        let bb = s - high
        low += (high - (s - bb)) + (x - bb)
        high = s
    }

    var value: Double {
        var total = CompensatedSum()
        for j in 0..<4 { total.add(high[j]); total.add(low[j]) }
        return total.value
    }
}
