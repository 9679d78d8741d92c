#if canImport(Glibc)
import Glibc
#endif
import SoftmaxKernels

/// `softmax-ref bench --kernels`: the kernels on the shapes (4096×1024, 65536×16,
/// 1×1,000,000, 8192×128) for softmax, log-softmax and the softmax VJP in `Float`, `Double` and
/// `Float16`, on 1 thread and on every core, each beside a plain copy of the same bytes timed in the
/// same loop (the memory floor), with the allocations of the timed calls and the max ulp error against
/// the reference on a sample of rows; then each kernel's accuracy on wide rows, N(0, 30²); then the
/// `simd` activations on 1×10⁶ elements of each type (``ActivationTiming``).
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
    /// Only the activations (`--activations`).
    var activationsOnly = false

    /// Runs everything, handing each report line to `emit` as soon as it is measured.
    func run(_ emit: (String) -> Void) {
        let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let threadCounts = threads.isEmpty ? (cores > 1 ? [1, cores] : [1]) : threads
        let algorithms = kernels.isEmpty ? (quick ? [.simd] : KernelAlgorithm.allCases) : kernels
        let scale = quick ? 8 : 1
        let shapes = [(4096, 1024), (65536, 16), (1, 1_000_000), (8192, 128)].map { r, n in r >= scale ? (r / scale, n) : (r, n / scale) }
        let budget = quick ? .milliseconds(40) : self.budget
        if !activationsOnly { runFamily(emit, algorithms, threadCounts, shapes, budget) }
        guard algorithms.contains(.simd) else { return }
        let count = 1_000_000 / scale, activationThreads = threads.isEmpty ? [1] : threads
        for t in activationThreads {
            let lines = ActivationTiming<Float>(count: count, budget: budget).measure(t)
                + ActivationTiming<Double>(count: count, budget: budget).measure(t)
                + ActivationTiming<Float16>(count: count, budget: budget).measure(t)
            for line in lines { emit(json ? line.json : line.text) }
        }
    }

    /// The softmax family on the shapes, then the accuracy probes.
    private func runFamily(_ emit: (String) -> Void, _ algorithms: [KernelAlgorithm], _ threadCounts: [Int],
                           _ shapes: [(Int, Int)], _ budget: Duration) {
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
