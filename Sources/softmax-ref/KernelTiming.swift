#if canImport(Glibc)
import Glibc
#endif
import SoftmaxConformance
import SoftmaxKernels

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
