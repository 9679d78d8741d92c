#if canImport(Glibc)
import Glibc
#endif
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
    /// The worst error in ulps on a sample of rows, when a checker was supplied.
    let maxUlp: Double?

    /// One JSON object, keys sorted; max_ulp is null without a checker.
    var json: String {
        let ulp = maxUlp.map { "\($0)" } ?? "null"
        return #"{"copy_ns_per_element":\#(copyNsPerElement),"function":"\#(function.rawValue)","kernel":"\#(kernel.rawValue)","#
            + #""max_ulp":\#(ulp),"n":\#(n),"ns_per_element":\#(nsPerElement),"rows":\#(rows),"threads":\#(threads),"#
            + #""type":"\#(type.rawValue)"}"#
    }

    var text: String {
        func f(_ v: Double, _ digits: Int = 3) -> String {
            let p = (0..<digits).reduce(1.0) { r, _ in r * 10 }
            return "\((v * p).rounded() / p)"
        }
        let name = "\(kernel.rawValue) \(function.rawValue) \(type.rawValue) \(rows)×\(n)"
        let ulp = maxUlp.map { ", max \(f($0, 2)) ulp" } ?? ""
        return "\(name.padding(46)) threads \(threads): \(f(nsPerElement)) ns/element, copy \(f(copyNsPerElement)) ns "
            + "(\(f(nsPerElement / copyNsPerElement, 2))× the copy)\(ulp)"
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}

/// The worst ulp error of one kernel output: function, storage type, the row's input and the kernel's
/// output (both widened to Double), β. Supplied by the caller so the benchmark can use the reference.
typealias KernelUlpChecker = @Sendable (KernelFunction, KernelScalarType, [Double], [Double], Double) -> Double?

/// Times the kernels on the issue's shapes (4096×1024, 65536×16, 1×1,000,000, 8192×128) for softmax,
/// log-softmax and the softmax VJP in `Float`, `Double` and `Float16`, each beside a plain copy of the
/// same bytes, and returns the report lines: text, or one JSON object per line with `json`.
///
/// - Parameters:
///   - json: one JSON object per line (keys kernel, function, type, rows, n, threads, ns_per_element,
///     copy_ns_per_element, max_ulp) instead of text.
///   - threads: the thread counts to run; nil means 1 and every core.
///   - quick: the `simd` kernel only, shapes an eighth the size, shorter timing: a smoke run.
///   - kernels: the algorithms to time; nil means all four (`simd` only when `quick`).
///   - checker: measures max_ulp on the first rows (up to 8) of each configuration; nil prints null.
func runKernelBenchmarks(json: Bool, threads: [Int]?, quick: Bool, kernels: [KernelAlgorithm]? = nil,
                         checker: KernelUlpChecker? = nil) -> [String] {
    let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    let threadCounts = threads ?? (cores > 1 ? [1, cores] : [1])
    let algorithms = kernels ?? (quick ? [.simd] : KernelAlgorithm.allCases)
    let scale = quick ? 8 : 1
    let shapes = [(4096, 1024), (65536, 16), (1, 1_000_000), (8192, 128)].map { r, n in
        r >= scale ? (r / scale, n) : (r, n / scale)
    }
    var lines: [String] = []
    for (rows, n) in shapes {
        for type in KernelScalarType.allCases {
            for function in [KernelFunction.softmax, .logSoftmax, .softmaxVJP] {
                for kernel in algorithms {
                    for t in threadCounts {
                        let r: KernelBenchmarkResult
                        switch type {
                        case .float: r = measure(Float.self, kernel, function, rows, n, t, quick, checker)
                        case .double: r = measure(Double.self, kernel, function, rows, n, t, quick, checker)
                        case .float16: r = measure(Float16.self, kernel, function, rows, n, t, quick, checker)
                        }
                        lines.append(json ? r.json : r.text)
                    }
                }
            }
        }
    }
    return lines
}

private func measure<T: SoftmaxScalar>(_: T.Type, _ kernel: KernelAlgorithm, _ function: KernelFunction, _ rows: Int,
                                       _ n: Int, _ threads: Int, _ quick: Bool, _ checker: KernelUlpChecker?)
    -> KernelBenchmarkResult
{
    let count = rows * n
    var state: UInt64 = 0x5EED
    func uniform() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) * 0x1p-53
    }
    // Logits N(0, 3²)-like (a sum of uniforms), the upstream gradient uniform in [-1, 1).
    var x = (0..<count).map { _ in T(((0..<4).reduce(0) { s, _ in s + uniform() } - 2) * 5.2) }
    let g = (0..<count).map { _ in T(uniform() * 2 - 1) }
    var y = [T](repeating: 0, count: count)
    let shape = BatchShape(rows: rows, columns: n)
    if function == .softmaxVJP {
        // The VJP reads a softmax output, as a backward pass would.
        let logits = x
        logits.withUnsafeBufferPointer { lb in x.withUnsafeMutableBufferPointer { kernel.softmax(lb, into: $0, shape: shape) } }
    }
    let budget: Duration = quick ? .milliseconds(40) : .milliseconds(300)
    let clock = ContinuousClock()
    var best = Duration.seconds(1000), bestCopy = Duration.seconds(1000)
    var spent = Duration.zero, runs = 0
    x.withUnsafeBufferPointer { xb in
        g.withUnsafeBufferPointer { gb in
            y.withUnsafeMutableBufferPointer { yb in
                while spent < budget || runs < 3 {
                    let c0 = clock.now
                    UnsafeMutableRawPointer(yb.baseAddress!).copyMemory(from: xb.baseAddress!, byteCount: count * MemoryLayout<T>.stride)
                    let c1 = clock.now
                    switch function {
                    case .logSoftmax: kernel.logSoftmax(xb, into: yb, shape: shape, threads: threads)
                    case .softmaxVJP: kernel.softmaxVJP(output: xb, gradient: gb, into: yb, shape: shape, threads: threads)
                    default: kernel.softmax(xb, into: yb, shape: shape, threads: threads)
                    }
                    let c2 = clock.now
                    bestCopy = min(bestCopy, c1 - c0)
                    best = min(best, c2 - c1)
                    spent += c2 - c0
                    runs += 1
                }
            }
        }
    }
    var maxUlp: Double?
    if let checker {
        for r in 0..<min(rows, 8) {
            let input = x[(r * n)..<(r * n + n)].map { Double($0) }, output = y[(r * n)..<(r * n + n)].map { Double($0) }
            if let e = checker(function, T.kernelScalarType, input, output, 1) { maxUlp = max(maxUlp ?? 0, e) }
        }
    }
    func ns(_ d: Duration) -> Double {
        let c = d.components
        return (Double(c.seconds) * 1e9 + Double(c.attoseconds) * 1e-9) / Double(count)
    }
    return KernelBenchmarkResult(kernel: kernel, function: function, type: T.kernelScalarType, rows: rows, n: n,
                                 threads: threads, nsPerElement: ns(best), copyNsPerElement: ns(bestCopy), maxUlp: maxUlp)
}
