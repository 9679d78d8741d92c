import SoftmaxConformance
import SoftmaxKernels

/// One shape, type and function: the input, the timing loop and the accuracy sample shared by every
/// kernel and thread count.
struct KernelTiming<T: SoftmaxScalar> {
    let rows: Int, n: Int, function: KernelFunction, budget: Duration

    func measure(_ kernels: [KernelAlgorithm], _ threadCounts: [Int]) -> [KernelBenchmarkResult] {
        let count = rows * n, shape = BatchShape(rows: rows, columns: n)
        var (x, g) = SideBySideTiming.inputs(count, as: T.self)
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
        x.withUnsafeBufferPointer { xb in
            g.withUnsafeBufferPointer { gb in
                y.withUnsafeMutableBufferPointer { yb in
                    SideBySideTiming.measure(xb, yb, budget: budget) {
                        switch function {
                        case .logSoftmax: kernel.logSoftmax(xb, into: yb, shape: shape, threads: threads)
                        case .softmaxVJP: kernel.softmaxVJP(output: xb, gradient: gb, into: yb, shape: shape, threads: threads)
                        default: kernel.softmax(xb, into: yb, shape: shape, threads: threads)
                        }
                    }
                }
            }
        }
    }
}
