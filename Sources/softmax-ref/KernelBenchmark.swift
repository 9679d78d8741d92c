#if canImport(Glibc)
import Glibc
#endif
import SoftmaxConformance
import SoftmaxKernels

/// `softmax-ref bench --kernels`: the kernels on the shapes (4096×1024, 65536×16,
/// 1×1,000,000, 8192×128) for softmax, log-softmax and the softmax VJP in `Float`, `Double` and
/// `Float16`, on 1 thread and on every core, each beside a plain copy of the same bytes timed in the
/// same loop (the memory floor), with the allocations of the timed calls and the max ulp error against
/// the reference on a sample of rows; then each kernel's accuracy on wide rows, N(0, 30²).
struct KernelBenchmarks {
    var json = false
    /// Thread counts; empty means 1 and every core.
    var threads: [Int] = []
    /// Kernels; empty means all four (`simd` only when `quick`).
    var kernels: [KernelAlgorithm] = []
    /// `simd` only, shapes an eighth the size, shorter timing: a smoke run.
    var quick = false
    /// Time spent on each configuration.
    var budget: Duration = .milliseconds(300)

    /// Runs everything, handing each report line to `emit` as soon as it is measured.
    func run(_ emit: (String) -> Void) {
        let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let threadCounts = threads.isEmpty ? (cores > 1 ? [1, cores] : [1]) : threads
        let algorithms = kernels.isEmpty ? (quick ? [.simd] : KernelAlgorithm.allCases) : kernels
        let scale = quick ? 8 : 1
        let shapes = [(4096, 1024), (65536, 16), (1, 1_000_000), (8192, 128)].map { r, n in r >= scale ? (r / scale, n) : (r, n / scale) }
        let budget = quick ? .milliseconds(40) : self.budget
        for (rows, n) in shapes {
            for type in KernelScalarType.allCases {
                for function in [KernelFunction.softmax, .logSoftmax, .softmaxVJP] {
                    let lines: [KernelBenchmarkResult] = switch type {
                    case .float: KernelTiming<Float>(rows: rows, n: n, function: function, budget: budget).measure(algorithms, threadCounts)
                    case .double: KernelTiming<Double>(rows: rows, n: n, function: function, budget: budget).measure(algorithms, threadCounts)
                    case .float16: KernelTiming<Float16>(rows: rows, n: n, function: function, budget: budget).measure(algorithms, threadCounts)
                    }
                    for line in lines { emit(json ? line.json : line.text) }
                }
            }
        }
        for type in KernelScalarType.allCases {
            for kernel in algorithms {
                for line in KernelAccuracyProbe.run(kernel, type) { emit(json ? line.json : line.text) }
            }
        }
    }
}

/// One shape, type and function: the input, the timing loop and the accuracy sample shared by every
/// kernel and thread count.
struct KernelTiming<T: SoftmaxScalar> {
    let rows: Int, n: Int, function: KernelFunction, budget: Duration

    func measure(_ kernels: [KernelAlgorithm], _ threadCounts: [Int]) -> [KernelBenchmarkResult] {
        let count = rows * n, shape = BatchShape(rows: rows, columns: n)
        var state: UInt64 = 0x5EED
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1p-53
        }
        // Logits N(0, 3²)-like (a sum of uniforms), the upstream gradient uniform in [-1, 1).
        var x = (0..<count).map { _ in T(((0..<4).reduce(0) { s, _ in s + uniform() } - 2) * 5.2) }
        let g = (0..<count).map { _ in T(uniform() * 2 - 1) }
        if function == .softmaxVJP {
            // The VJP reads a softmax output, as a backward pass would.
            let logits = x
            logits.withUnsafeBufferPointer { lb in x.withUnsafeMutableBufferPointer { KernelAlgorithm.simd.softmax(lb, into: $0, shape: shape) } }
        }
        // The exact values of the sampled rows, computed once for every kernel.
        let sample = min(rows, 4)
        let inputs = (0..<sample).map { r in x[(r * n)..<(r * n + n)].map { Double($0) } }
        let exact = inputs.map { KernelAccuracy.exact(function, T.kernelScalarType, input: $0, beta: 1) }
        var y = [T](repeating: 0, count: count)
        var results: [KernelBenchmarkResult] = []
        for kernel in kernels {
            for threads in threadCounts {
                let (best, copy, allocations) = time(kernel, threads, x, g, &y, shape)
                var worst: Double?
                for (r, e) in exact.enumerated() {
                    guard let e else { continue }
                    let output = y[(r * n)..<(r * n + n)].map { Double($0) }
                    worst = max(worst ?? 0, KernelAccuracy.maxUlp(output, T.kernelScalarType, exact: e))
                }
                results.append(KernelBenchmarkResult(kernel: kernel, function: function, type: T.kernelScalarType, rows: rows, n: n,
                                                     threads: threads, nsPerElement: best, copyNsPerElement: copy,
                                                     allocations: allocations, maxUlp: worst))
            }
        }
        return results
    }

    /// The best time per element of the kernel and of the copy beside it, and the allocations per call.
    private func time(_ kernel: KernelAlgorithm, _ threads: Int, _ x: [T], _ g: [T], _ y: inout [T], _ shape: BatchShape)
        -> (Double, Double, Double?)
    {
        let clock = ContinuousClock(), mallocs = MallocCounter()
        var best = Duration.seconds(1000), bestCopy = Duration.seconds(1000)
        var spent = Duration.zero, runs = 0, allocations = 0
        x.withUnsafeBufferPointer { xb in
            g.withUnsafeBufferPointer { gb in
                y.withUnsafeMutableBufferPointer { yb in
                    func call() {
                        switch function {
                        case .logSoftmax: kernel.logSoftmax(xb, into: yb, shape: shape, threads: threads)
                        case .softmaxVJP: kernel.softmaxVJP(output: xb, gradient: gb, into: yb, shape: shape, threads: threads)
                        default: kernel.softmax(xb, into: yb, shape: shape, threads: threads)
                        }
                    }
                    call()  // untimed: the first call of a type also instantiates the runtime's generic metadata
                    while spent < budget || runs < 3 {
                        let c0 = clock.now
                        UnsafeMutableRawPointer(yb.baseAddress!).copyMemory(from: xb.baseAddress!, byteCount: xb.count * MemoryLayout<T>.stride)
                        let c1 = clock.now, m0 = mallocs.calls
                        call()
                        let m1 = mallocs.calls, c2 = clock.now
                        if let m0, let m1 { allocations += m1 - m0 }
                        bestCopy = min(bestCopy, c1 - c0)
                        best = min(best, c2 - c1)
                        spent += c2 - c0
                        runs += 1
                    }
                }
            }
        }
        func ns(_ d: Duration) -> Double {
            let c = d.components
            return (Double(c.seconds) * 1e9 + Double(c.attoseconds) * 1e-9) / Double(x.count)
        }
        return (ns(best), ns(bestCopy), mallocs.available ? Double(allocations) / Double(runs) : nil)
    }
}

/// The calls to malloc and friends so far, read from a counting interposer when one is preloaded: it
/// exports `softmaxref_malloc_calls` (`tools/bench-compare` builds one and sets LD_PRELOAD). Swift
/// reserves the name `malloc`, so the executable cannot interpose it itself.
struct MallocCounter {
    private let read: (@convention(c) () -> Int)?

    init() {
        let symbol = dlsym(dlopen(nil, RTLD_NOW), "softmaxref_malloc_calls")
        read = symbol.map { unsafeBitCast($0, to: (@convention(c) () -> Int).self) }
    }

    var available: Bool { read != nil }
    var calls: Int? { read?() }
}

/// Accuracy where the peers fail (`tools/bench_peers.py` measures them on the same rows): rows
/// N(0, 30²) of 1000 (softmax and log-softmax) and log_softmax([123, 456, 789])[2] = −2.4e-145.
enum KernelAccuracyProbe {
    static func run(_ kernel: KernelAlgorithm, _ type: KernelScalarType) -> [KernelAccuracyResult] {
        switch type {
        case .float: probe(kernel, Float.self)
        case .double: probe(kernel, Double.self)
        case .float16: []
        }
    }

    static func probe<T: SoftmaxScalar>(_ kernel: KernelAlgorithm, _: T.Type) -> [KernelAccuracyResult] {
        var state: UInt64 = 4
        func normal() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let u = (Double(state >> 11) + 1) * 0x1p-53
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * Double(state >> 11) * 0x1p-53)
        }
        var results: [KernelAccuracyResult] = []
        for function in [KernelFunction.softmax, .logSoftmax] {
            var worst = 0.0
            for _ in 0..<4 {
                let x = (0..<1000).map { _ in T(30 * normal()) }
                let output = (function == .softmax ? kernel.softmax(x) : kernel.logSoftmax(x)).map { Double($0) }
                worst = max(worst, KernelAccuracy.maxUlp(function, T.kernelScalarType, input: x.map { Double($0) }, output: output, beta: 1) ?? .nan)
            }
            results.append(KernelAccuracyResult(kernel: kernel, function: function, type: T.kernelScalarType, family: "wide", maxUlp: worst, value: nil))
        }
        let x: [T] = [123, 456, 789]
        let l = kernel.logSoftmax(x).map { Double($0) }
        let e = KernelAccuracy.maxUlp(.logSoftmax, T.kernelScalarType, input: x.map { Double($0) }, output: l, beta: 1) ?? .nan
        results.append(KernelAccuracyResult(kernel: kernel, function: .logSoftmax, type: T.kernelScalarType, family: "dominant", maxUlp: e, value: l[2]))
        return results
    }
}
