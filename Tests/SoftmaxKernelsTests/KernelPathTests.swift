import Testing
@testable import SoftmaxKernels

/// The path the driver picks for a request (``KernelDriver/path(for:)``), from the contract of
/// ``NativeRows`` and ``RowSlices``: the C loops take the `simd` softmax and log-softmax at finite
/// β > 0 and the softmax VJP; fewer long rows than threads are split; everything else is Swift.
@Suite struct KernelPathTests {
    /// The path of a request of `rows` × `n` (the buffers are never read).
    static func path<T: KernelStorage>(_: T.Type, _ f: KernelFunction, _ k: KernelAlgorithm = .simd,
                                    rows: Int = 8, n: Int = 100, beta: Double = 1, threads: Int = 1,
                                    isa: Int32 = NativeRows.isa) -> KernelPath {
        let p = UnsafeMutablePointer<T>.allocate(capacity: 1)
        defer { p.deallocate() }
        return KernelDriver<T>.path(for: _KernelRequest(function: f, algorithm: k, shape: BatchShape(rows: rows, columns: n),
                                                        beta: T.Accumulator(beta), maskedRows: .nan, threads: threads,
                                                        x: p, y: p, g: p, labels: nil, perRow: p, isa: isa))
    }

    @Test("the simd softmax, log-softmax and VJP go through the C loops at every instruction set the CPU has")
    func native() {
        for isa in NativeRowsTests.isas where isa > 0 {
            #expect(Self.path(Float.self, .softmax, isa: isa) == .native(.softmax))
            #expect(Self.path(Double.self, .logSoftmax, beta: 0.37, isa: isa) == .native(.logSoftmax))
            #expect(Self.path(Float16.self, .softmaxVJP, beta: -2, isa: isa) == .native(.softmaxVJP))
        }
    }

    @Test("other algorithms, functions, β ≤ 0 and the portable instruction set take the Swift path")
    func swift() {
        #expect(Self.path(Float.self, .softmax, .twoPass) == .swift)
        #expect(Self.path(Float.self, .logSumExp) == .swift)
        #expect(Self.path(Double.self, .crossEntropy) == .swift)
        #expect(Self.path(Float.self, .softmax, beta: 0) == .swift)
        #expect(Self.path(Double.self, .logSoftmax, beta: -1) == .swift)
        #expect(Self.path(Float.self, .softmax, isa: 0) == .swift)
    }

    @Test("fewer long rows than threads are split over the threads, with the C loops only")
    func rowSlices() {
        let n = RowSlices.minimumLength
        for isa in NativeRowsTests.isas where isa > 0 {
            #expect(Self.path(Float.self, .softmax, rows: 1, n: n, threads: 2, isa: isa) == .rowSlices)
            #expect(Self.path(Double.self, .softmax, rows: 2, n: n, threads: 3, isa: isa) == .rowSlices)
            #expect(Self.path(Double.self, .softmax, rows: 2, n: n, threads: 2, isa: isa) == .native(.softmax))
            #expect(Self.path(Float.self, .softmax, rows: 1, n: n - 1, threads: 2, isa: isa) == .native(.softmax))
            #expect(Self.path(Float16.self, .softmax, rows: 1, n: n, threads: 2, isa: isa) == .native(.softmax))
        }
        #expect(Self.path(Float.self, .softmax, rows: 1, n: n, threads: 2, isa: 0) == .swift)
    }
}
