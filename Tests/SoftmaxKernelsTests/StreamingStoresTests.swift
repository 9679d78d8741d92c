import CSoftmaxSIMD
import Testing
@testable import SoftmaxKernels

/// The non-temporal-store variants of the Float C loops (`stream` = 1, taken for outputs of at least
/// ``NativeRows/streamingBytes``) against the ordinary ones: the same arithmetic, so the same bits, on
/// every row family, on rows that fit the stack buffer and rows that do not, on outputs at every
/// alignment (the unaligned head and the tail use masked stores), with a row stride and in place.
@Suite struct StreamingStoresTests {
    static let seed = SplitMix64.seed(default: 0x5EED_0006)
    static let isas = Array(1...max(1, NativeRows.isa)).filter { $0 <= NativeRows.isa }
    static let widths = [1, 17, 64, 100, 300, 1000, 5000]

    /// One C call of `function` with or without streaming stores; returns the output and the rows done.
    static func run(_ function: KernelFunction, _ x: [Float], _ g: [Float], rows: Int, n: Int, stride: Int, offset: Int,
                    inPlace: Bool, beta: Float = 1, isa: Int32, stream: Int32) -> ([Float], Int) {
        var y = [Float](repeating: -7, count: x.count + offset), done = 0
        if inPlace { y.replaceSubrange(offset..<(offset + x.count), with: x) }
        x.withUnsafeBufferPointer { xb in
            g.withUnsafeBufferPointer { gb in
                y.withUnsafeMutableBufferPointer { yb in
                    let out = yb.baseAddress! + offset, input = inPlace ? UnsafePointer(out) : xb.baseAddress!
                    switch function {
                    case .softmax: done = csm_softmax_f32(isa, input, out, rows, n, stride, beta, stream)
                    case .logSoftmax: done = csm_log_softmax_f32(isa, input, out, rows, n, stride, beta, stream)
                    default: done = csm_softmax_vjp_f32(isa, input, gb.baseAddress!, out, rows, n, stride, beta, stream)
                    }
                }
            }
        }
        return (Array(y[offset...]), done)
    }

    @Test("streaming stores give the same bits as ordinary stores, at every alignment and β, strided and in place")
    func sameBits() {
        guard NativeRows.isa > 0 else { return }  // no C loops on this CPU: nothing streams
        var rng = SplitMix64(seed: Self.seed)
        for family in RowFamily.allCases {
            for n in Self.widths {
                let rows = 3, stride = n + 3
                var x: [Float] = []
                for _ in 0..<rows { x += family.row(n, &rng).map { Float($0) } + [0, 0, 0] }
                let g = x.indices.map { _ in Float(rng.normal()) }
                for function in [KernelFunction.softmax, .logSoftmax, .softmaxVJP] {
                    for isa in Self.isas {
                        for (offset, beta) in [(0, 1), (1, 0.6), (5, 1), (15, 2.5)] as [(Int, Float)] {
                            for inPlace in [false, true] {
                                let plain = Self.run(function, x, g, rows: rows, n: n, stride: stride, offset: offset,
                                                     inPlace: inPlace, beta: beta, isa: isa, stream: 0)
                                let streamed = Self.run(function, x, g, rows: rows, n: n, stride: stride, offset: offset,
                                                        inPlace: inPlace, beta: beta, isa: isa, stream: 1)
                                let same = zip(plain.0, streamed.0).allSatisfy { $0.bitPattern == $1.bitPattern }
                                #expect(same && plain.1 == streamed.1,
                                        "\(function.rawValue) \(family.rawValue) n = \(n), β = \(beta), isa \(isa), offset \(offset), in place \(inPlace)")
                            }
                        }
                    }
                }
            }
        }
    }

    @Test("a Float row with a NaN below its maximum is finished in C, NaN everywhere")
    func nanRowsFinishedInC() {
        guard NativeRows.isa > 0 else { return }
        for n in [100, 300, 5000] {
            var x = (0..<(3 * n)).map { Float($0 % 11) - 5 }
            x[n + 7] = .nan
            for isa in Self.isas {
                for function in [KernelFunction.softmax, .logSoftmax] {
                    let (y, done) = Self.run(function, x, x, rows: 3, n: n, stride: n, offset: 0, inPlace: false, isa: isa,
                                             stream: 0)
                    #expect(done == 3 && y[n..<(2 * n)].allSatisfy { $0.isNaN } && !y[0..<n].contains { $0.isNaN },
                            "\(function.rawValue) n = \(n), isa \(isa): \(done) rows done")
                }
            }
        }
    }
}
