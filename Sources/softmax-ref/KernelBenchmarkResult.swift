import SoftmaxKernels

/// One measured configuration of `softmax-ref bench --kernels`.
struct KernelBenchmarkResult: Sendable {
    let kernel: KernelAlgorithm
    let function: KernelFunction
    let type: KernelScalarType
    let rows: Int
    let n: Int
    let threads: Int
    /// Best wall-clock time per element over the repetitions.
    let nsPerElement: Double
    /// A plain copy of the same input bytes to the output buffer, timed beside it in the same run.
    let copyNsPerElement: Double
    /// Calls to malloc and friends per kernel call in the timed loop; nil without a counting interposer.
    let allocations: Double?
    /// The worst error in ulps against the reference on a sample of rows; nil for the VJP (no reference).
    let maxUlp: Double?

    /// One JSON object, keys sorted; allocations and max_ulp are null when unknown.
    var json: String {
        func number(_ v: Double?) -> String { v.map { $0.isFinite ? "\($0)" : "null" } ?? "null" }
        return #"{"allocations":\#(number(allocations)),"copy_ns_per_element":\#(copyNsPerElement),"#
            + #""function":"\#(function.rawValue)","kernel":"\#(kernel.rawValue)","max_ulp":\#(number(maxUlp)),"n":\#(n),"#
            + #""ns_per_element":\#(nsPerElement),"rows":\#(rows),"threads":\#(threads),"type":"\#(type.rawValue)"}"#
    }

    var text: String {
        let name = "\(kernel.rawValue) \(function.rawValue) \(type.rawValue) \(rows)×\(n)"
        let allocs = allocations.map { "\($0.rounded(decimals: 2)) allocs" } ?? "allocs n/a"
        let ulp = maxUlp.map { "max \($0.rounded(decimals: 2)) ulp" } ?? "max ulp n/a"
        return "\(name.padded(44)) threads \(threads): \(nsPerElement.rounded(decimals: 3)) ns/element, copy \(copyNsPerElement.rounded(decimals: 3)) ns "
            + "(\((nsPerElement / copyNsPerElement).rounded(decimals: 2))× the copy), \(allocs), \(ulp)"
    }
}
