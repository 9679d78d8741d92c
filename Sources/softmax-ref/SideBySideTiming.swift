import SoftmaxKernels

/// What the kernel benchmarks share: their inputs and their timing loop, which alternates the
/// call with a copy of the same bytes so that both see the same machine state.
enum SideBySideTiming {
    /// `count` logits N(0, 3²)-like (a sum of four uniforms), then `count` upstream gradients
    /// uniform in [-1, 1), from one fixed seed.
    static func inputs<T: SoftmaxScalar>(_ count: Int, as: T.Type) -> (logits: [T], gradients: [T]) {
        var state: UInt64 = 0x5EED
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1p-53
        }
        let logits = (0..<count).map { _ in T(((0..<4).reduce(0) { s, _ in s + uniform() } - 2) * 5.2) }
        return (logits, (0..<count).map { _ in T(uniform() * 2 - 1) })
    }

    /// The best nanoseconds per element of `call` and of copying `x` into `y` beside it, over at
    /// least three runs and `budget`, and the allocations per call when they can be counted. The
    /// first call is not timed: it also instantiates the runtime's generic metadata.
    static func measure<T>(_ x: UnsafeBufferPointer<T>, _ y: UnsafeMutableBufferPointer<T>, budget: Duration,
                           _ call: () -> Void) -> (ns: Double, copyNs: Double, allocations: Double?) {
        let clock = ContinuousClock(), mallocs = MallocCounter()
        var best = Duration.seconds(1000), bestCopy = Duration.seconds(1000)
        var spent = Duration.zero, runs = 0, allocations = 0
        call()
        while spent < budget || runs < 3 {
            let c0 = clock.now
            UnsafeMutableRawPointer(y.baseAddress!).copyMemory(from: x.baseAddress!, byteCount: x.count * MemoryLayout<T>.stride)
            let c1 = clock.now, m0 = mallocs.calls
            call()
            let m1 = mallocs.calls, c2 = clock.now
            if let m0, let m1 { allocations += m1 - m0 }
            bestCopy = min(bestCopy, c1 - c0)
            best = min(best, c2 - c1)
            spent += c2 - c0
            runs += 1
        }
        func ns(_ d: Duration) -> Double {
            let c = d.components
            return (Double(c.seconds) * 1e9 + Double(c.attoseconds) * 1e-9) / Double(x.count)
        }
        return (ns(best), ns(bestCopy), mallocs.available ? Double(allocations) / Double(runs) : nil)
    }
}
