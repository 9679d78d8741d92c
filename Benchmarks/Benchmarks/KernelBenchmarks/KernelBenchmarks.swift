#if canImport(Glibc)
import Glibc
#endif
import Benchmark
import SoftmaxKernels

// The shapes (4096×1024, 65536×16, 1×1,000,000, 8192×128) for softmax, log-softmax and the
// softmax VJP in Float, Double and Float16, on 1 thread and on every core, each beside a plain copy of
// the same bytes (the memory floor). One iteration processes the whole batch; malloc counters must
// read 0 for the kernels (their buffers are allocated in setup, outside the measured loop).

let shapes = [(4096, 1024), (65536, 16), (1, 1_000_000), (8192, 128)]
/// Every core of this machine (the all-cores lines).
let cores = max(2, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

/// Logits spread like N(0, 3²), deterministic.
func logits<T: SoftmaxScalar>(_ count: Int, as _: T.Type) -> [T] {
    var state: UInt64 = 0x5EED
    return (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return T((Double(state >> 11) * 0x1p-53 - 0.5) * 10)
    }
}

func register<T: SoftmaxScalar>(_: T.Type, _ name: String) {
    for (rows, n) in shapes {
        let shape = BatchShape(rows: rows, columns: n)
        let x = logits(rows * n, as: T.self)
        var s = [T](repeating: 0, count: rows * n)
        x.withUnsafeBufferPointer { xb in s.withUnsafeMutableBufferPointer { KernelAlgorithm.simd.softmax(xb, into: $0, shape: shape) } }
        let inputs = (x, s)
        let tag = "\(name) \(rows)x\(n)"
        Benchmark("copy \(tag)") { b in
            var y = [T](repeating: 0, count: rows * n)
            b.startMeasurement()
            for _ in b.scaledIterations {
                y.withUnsafeMutableBufferPointer { yb in
                    inputs.0.withUnsafeBufferPointer { UnsafeMutableRawPointer(yb.baseAddress!).copyMemory(from: $0.baseAddress!, byteCount: $0.count * MemoryLayout<T>.stride) }
                }
                blackHole(y[0])
            }
        }
        for kernel in KernelAlgorithm.allCases where kernel == .simd || kernel == .twoPass {
            for threads in [1, cores] {
                for function in ["softmax", "log-softmax", "softmax-vjp"] {
                    Benchmark("\(kernel.rawValue) \(function) \(tag) threads \(threads)") { b in
                        var y = [T](repeating: 0, count: rows * n)
                        b.startMeasurement()
                        for _ in b.scaledIterations {
                            y.withUnsafeMutableBufferPointer { yb in
                                inputs.0.withUnsafeBufferPointer { xb in
                                    switch function {
                                    case "softmax": kernel.softmax(xb, into: yb, shape: shape, threads: threads)
                                    case "log-softmax": kernel.logSoftmax(xb, into: yb, shape: shape, threads: threads)
                                    default:
                                        inputs.1.withUnsafeBufferPointer { sb in
                                            kernel.softmaxVJP(output: sb, gradient: xb, into: yb, shape: shape, threads: threads)
                                        }
                                    }
                                }
                            }
                            blackHole(y[0])
                        }
                    }
                }
            }
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(1), maxIterations: 200)
    register(Float.self, "Float")
    register(Double.self, "Double")
    register(Float16.self, "Float16")
}
