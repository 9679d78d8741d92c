import Testing
@testable import SoftmaxKernels

extension RowFamily {
    /// Brings `huge` and `tiny` into Float16's range (no finite Float16 is near 1e30, and 1e-30 is 0):
    /// σ = 5000 (so that x − max − ln Σ stays below 65504 in magnitude) and σ = 10⁻⁶ (subnormal scale).
    var float16Scale: Double {
        switch self {
        case .huge: 5e-27
        case .tiny: 1e24
        default: 1
        }
    }
}

/// Float16 through the C row loops (``NativeRows``), every instruction set and the Swift path (isa 0):
/// one rounding (within the 1-ulp bound) on blocks of rows and on rows longer than the C code's 4096-float
/// scratch (the streaming passes), strides, in-place calls, declined rows inside a block, and long rows of
/// equal values.
@Suite struct NativeRowsFloat16Tests {
    /// One rounding of a Float result within a few Float ulps: 0.5 ulp and 2⁻⁸ ulp of slack, sharper than
    /// the declared 1 ulp (which a truncating or twice-rounding kernel would still meet).
    static let oneRounding = 0.5 + 0x1p-8

    /// Widths past the scratch too: 4096 fills it, 4097 and up stream.
    static let widths = NativeRowsTests.widths + [2049, 4096, 4097, 5000, 70000]

    /// The largest ulp error of rows of n against the double-double reference.
    static func worst(_ y: [Float16], _ exact: [[DoubleDouble]], n: Int, rows: [Int]) -> Double {
        rows.map { r in (0..<n).map { ulpError(Double(y[r * n + $0]), exact[r][$0], bits: 11) }.max()! }.max()!
    }

    @Test("Float16 batches are rounded once (within 1 ulp) through every instruction set, long rows included")
    func bounds() { NativeRowsTests.check(Float16.self, widths: Self.widths) }

    @Test("Float16 with a row stride larger than n, and in place: the packed results, the gaps untouched",
          arguments: [16, 100, 5000])
    func strideAndInPlace(n: Int) {
        var rng = SplitMix64(seed: NativeRowsTests.seed ^ UInt64(n))
        let rows = 9, stride = n + 5, sentinel = Float16(7)
        let packed = (0..<(rows * n)).map { _ in Float16(rng.normal(sigma: 3)) }
        let packedG = (0..<(rows * n)).map { _ in Float16(rng.normal()) }
        func spread(_ v: [Float16]) -> [Float16] {
            var out = [Float16](repeating: sentinel, count: rows * stride)
            for k in v.indices { out[(k / n) * stride + k % n] = v[k] }
            return out
        }
        let strided = spread(packed), g = spread(packedG)
        for isa in NativeRowsTests.isas {
            for f in [KernelFunction.softmax, .logSoftmax, .softmaxVJP] {
                let gradient: [Float16]? = f == .softmaxVJP ? g : nil
                let expected = spread(NativeRowsTests.run(f, packed, g: f == .softmaxVJP ? packedG : nil, n: n, isa: isa))
                var out = [Float16](repeating: sentinel, count: rows * stride)
                NativeRowsTests.run(f, strided, g: gradient, n: n, stride: stride, isa: isa, into: &out)
                var inPlace = strided
                NativeRowsTests.runInPlace(f, &inPlace, g: gradient, n: n, stride: stride, isa: isa)
                #expect(out == expected, "\(f.rawValue), isa \(isa), n = \(n), stride \(stride)")
                #expect(inPlace == expected, "\(f.rawValue), isa \(isa), n = \(n), stride \(stride), in place")
            }
        }
    }

    @Test("a NaN row in the middle of a block: the rows before it done in C, the rest still right",
          arguments: [16, 100, 5000])
    func declinedRowInBlock(n: Int) {
        var rng = SplitMix64(seed: NativeRowsTests.seed ^ 0xF16 ^ UInt64(n))
        var x = (0..<(9 * n)).map { _ in Float16(rng.normal(sigma: 2)) }
        x[5 * n + n / 2] = .nan
        let exact = (0..<9).map { r in Reference(x[(r * n)..<(r * n + n)].map(Double.init)) }
        for isa in NativeRowsTests.isas {
            for f in [KernelFunction.softmax, .logSoftmax] {
                let exactRows = exact.map { f == .softmax ? $0.softmax : $0.logSoftmax }
                if isa != 0 {  // the C loops alone: rows 0–4 done, then the NaN row declined or finished NaN
                    let (stopped, y) = NativeRowsTests.runNative(f, x, rows: 9, n: n, isa: isa)
                    let done = Self.worst(y, exactRows, n: n, rows: Array(0..<5))
                    let nanRow = stopped == 5 || (stopped == 9 && y[(5 * n)..<(6 * n)].allSatisfy(\.isNaN))
                    #expect(nanRow && done <= Self.oneRounding,
                            "\(f.rawValue), isa \(isa), n = \(n): stopped at row \(stopped), \(done) ulps")
                }
                let y = NativeRowsTests.run(f, x, n: n, isa: isa)
                let rest = Self.worst(y, exactRows, n: n, rows: [0, 1, 2, 3, 4, 6, 7, 8])
                #expect(rest <= Self.oneRounding && y[(5 * n)..<(6 * n)].allSatisfy(\.isNaN),
                        "\(f.rawValue), isa \(isa), n = \(n): \(rest) ulps")
            }
        }
    }

    @Test("Float16 rows of more than 2048 equal values (where a Float16 sum stalls) give 1/n and −ln n",
          arguments: [3000, 4096, 5000])
    func equalValues(n: Int) {
        let x = [Float16](repeating: 3, count: 2 * n)
        let ref = Reference([Double](repeating: 3, count: n))
        for isa in NativeRowsTests.isas {
            let s = NativeRowsTests.run(.softmax, x, n: n, isa: isa)
            let l = NativeRowsTests.run(.logSoftmax, x, n: n, isa: isa)
            let e = max(Self.worst(s, [ref.softmax, ref.softmax], n: n, rows: [0, 1]),
                        Self.worst(l, [ref.logSoftmax, ref.logSoftmax], n: n, rows: [0, 1]))
            #expect(e <= Self.oneRounding && s.allSatisfy { $0 == s[0] }, "isa \(isa), n = \(n): \(e) ulps, s = \(s[0])")
        }
    }
}
