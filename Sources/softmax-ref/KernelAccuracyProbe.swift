#if canImport(Glibc)
import Glibc
#endif
import SoftmaxConformance
import SoftmaxKernels

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
