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
        let allocs = allocations.map { "\(rounded($0, 2)) allocs" } ?? "allocs n/a"
        let ulp = maxUlp.map { "max \(rounded($0, 2)) ulp" } ?? "max ulp n/a"
        return "\(name.padded(44)) threads \(threads): \(rounded(nsPerElement, 3)) ns/element, copy \(rounded(copyNsPerElement, 3)) ns "
            + "(\(rounded(nsPerElement / copyNsPerElement, 2))× the copy), \(allocs), \(ulp)"
    }
}

/// An accuracy line of `bench --kernels`: the worst error of a kernel on a row family the peers are
/// measured on too (`tools/bench_peers.py`), or one value the peers get wrong.
struct KernelAccuracyResult: Sendable {
    let kernel: KernelAlgorithm
    let function: KernelFunction
    let type: KernelScalarType
    /// "wide": rows N(0, 30²) of 1000; "dominant": log_softmax([123, 456, 789])[2].
    let family: String
    let maxUlp: Double
    let value: Double?

    var json: String {
        let v = value.map { ",\"value\":\($0.isFinite ? "\($0)" : "null")" } ?? ""
        return #"{"accuracy":"\#(family)","function":"\#(function.rawValue)","kernel":"\#(kernel.rawValue)","#
            + #""max_ulp":\#(maxUlp.isFinite ? "\(maxUlp)" : "null"),"type":"\#(type.rawValue)"\#(v)}"#
    }

    var text: String {
        let what = family == "wide" ? "rows N(0, 30²), n = 1000" : "log_softmax([123, 456, 789])[2] = \(value ?? .nan)"
        return "\("\(kernel.rawValue) \(function.rawValue) \(type.rawValue)".padded(44)) accuracy on \(what): max \(rounded(maxUlp, 2)) ulp"
    }
}

func rounded(_ v: Double, _ digits: Int) -> Double {
    let p = (0..<digits).reduce(1.0) { r, _ in r * 10 }
    return (v * p).rounded() / p
}

extension String {
    fileprivate func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
