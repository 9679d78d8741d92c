import SoftmaxKernels

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
        return "\("\(kernel.rawValue) \(function.rawValue) \(type.rawValue)".padded(44)) accuracy on \(what): max \(maxUlp.rounded(decimals: 2)) ulp"
    }
}
