import Testing
@testable import SoftmaxKernels
internal import CSoftmaxSIMD

/// Float softmax with its outputs written past the caches (``NativeRows/Entry/softmaxStreamed``, as
/// batches of at least an L3 of output take it): each row's exps wait in a scratch row and
/// the next row's exp pass scales them into place, whole aligned vectors by non-temporal stores, the
/// row's ends by scalar stores. It must give the very bits of the cached path at every alignment of
/// the output, leave the gaps between strided rows alone, and finish the pending row when a row is
/// declined or needs the shifted path.
@Suite struct StreamedRowsTests {
    static let seed = SplitMix64.seed(default: 0x5EED_0007)

    /// The C loops on `rows` rows of n at `stride`, the output `offset` floats into its own buffer (or
    /// in place): the rows done and the whole output buffer, gaps included (filled with 7 before).
    static func runNative(_ x: [Float], rows: Int, n: Int, stride: Int, offset: Int, inPlace: Bool,
                          streaming: Bool, isa: Int32) -> (done: Int, y: [Float]) {
        var buffer = [Float](repeating: 7, count: offset + rows * stride)
        if inPlace { buffer.replaceSubrange(offset..<(offset + x.count), with: x) }
        let done = x.withUnsafeBufferPointer { xb in
            buffer.withUnsafeMutableBufferPointer { yb in
                let y = yb.baseAddress! + offset
                let q = _KernelRequest(function: .softmax, algorithm: .simd,
                                       shape: BatchShape(rows: rows, columns: n, rowStride: stride), beta: 1,
                                       maskedRows: .nan, threads: 1, x: inPlace ? UnsafePointer(y) : xb.baseAddress!,
                                       y: y, g: nil, labels: nil, perRow: nil, isa: isa)
                return NativeRows.run(q, 0..<rows, isa: isa, entry: streaming ? .softmaxStreamed : .softmax)
            }
        }
        return (done, Array(buffer[offset...]))
    }

    @Test("streamed Float softmax rows give the cached path's bits at every output alignment and stride (every isa)")
    func sameBitsAsCached() {
        var rng = SplitMix64(seed: Self.seed)
        for n in [257, 300, 512, 777, 1000, 1024, 1025, 2000] {
            for stride in [n, n + 3, n + 16] {
                let rows = 6
                var x = (0..<(rows * stride)).map { _ in Float(rng.normal(sigma: 3)) }
                x[3 * stride + n / 2] = 90  // a row for the shifted path between streamed ones
                for isa in NativeRowsTests.isas where isa > 0 {
                    for offset in [0, 1, 4, 8, 15] {
                        for inPlace in [false, true] {
                            let cached = Self.runNative(x, rows: rows, n: n, stride: stride, offset: offset,
                                                        inPlace: inPlace, streaming: false, isa: isa)
                            let streamed = Self.runNative(x, rows: rows, n: n, stride: stride, offset: offset,
                                                          inPlace: inPlace, streaming: true, isa: isa)
                            let same = zip(cached.y, streamed.y).allSatisfy { $0.bitPattern == $1.bitPattern }
                            #expect(streamed.done == rows && cached.done == rows && same,
                                    "n = \(n), stride \(stride), offset \(offset), in place \(inPlace), isa \(isa)")
                        }
                    }
                    let streamed = Self.runNative(x, rows: rows, n: n, stride: stride, offset: 0, inPlace: false,
                                                  streaming: true, isa: isa)
                    var worst = 0.0
                    for r in 0..<rows {
                        let exact = Reference(x[(r * stride)..<(r * stride + n)].map(Double.init)).softmax
                        for i in 0..<n { worst = max(worst, ulpError(Double(streamed.y[r * stride + i]), exact[i], bits: 24)) }
                        #expect(streamed.y[(r * stride + n)..<(r * stride + stride)].allSatisfy { $0 == 7 },
                                "gap after row \(r) written: n = \(n), stride \(stride), isa \(isa)")
                    }
                    #expect(worst <= 4, "n = \(n), stride \(stride), isa \(isa): \(worst) ulps")
                }
            }
        }
    }

    @Test("a declined row stops the streamed batch after the rows before it are finished (every isa)")
    func declinedRowFinishesThePendingRow() {
        var rng = SplitMix64(seed: Self.seed ^ 1)
        let n = 600, rows = 5
        var x = (0..<(rows * n)).map { _ in Float(rng.normal(sigma: 3)) }
        x[3 * n + 10] = .infinity  // the C loops decline row 3 (the "limit" policy's own path)
        for isa in NativeRowsTests.isas where isa > 0 {
            for offset in [0, 5] {
                let (done, y) = Self.runNative(x, rows: rows, n: n, stride: n, offset: offset, inPlace: false,
                                               streaming: true, isa: isa)
                var worst = 0.0
                for r in 0..<3 {
                    let exact = Reference(x[(r * n)..<(r * n + n)].map(Double.init)).softmax
                    for i in 0..<n { worst = max(worst, ulpError(Double(y[r * n + i]), exact[i], bits: 24)) }
                }
                #expect(done == 3 && worst <= 4, "offset \(offset), isa \(isa): \(done) rows done, \(worst) ulps")
            }
        }
    }

    /// Streaming is decided on the whole batch's output (rows × stride floats), against the L3.
    @Test("a Float softmax batch streams from an L3 of output on, counted over the whole batch")
    func streamsFromAnL3() {
        let l3 = csm_stream_output_bytes(), n = 1000
        #expect(l3 >= 1 << 20, "the L3: \(l3) bytes")
        var one: Float = 0
        withUnsafeMutablePointer(to: &one) { p in
            func request(rows: Int, stride: Int) -> _KernelRequest<Float> {
                _KernelRequest(function: .softmax, algorithm: .simd, shape: BatchShape(rows: rows, columns: n, rowStride: stride),
                               beta: 1, maskedRows: .nan, threads: 2, x: UnsafePointer(p), y: p, g: nil, labels: nil,
                               perRow: nil, isa: NativeRows.isa)
            }
            let rows = l3 / (4 * n)
            #expect(!NativeRows.streams(request(rows: rows, stride: n)))
            #expect(NativeRows.streams(request(rows: rows + 1, stride: n)))
            #expect(NativeRows.streams(request(rows: rows, stride: n + 4)))
            #expect(NativeRows.entry(for: request(rows: rows, stride: n)) == .softmax)
            #expect(NativeRows.entry(for: request(rows: rows + 1, stride: n)) == .softmaxStreamed)
        }
    }
}
