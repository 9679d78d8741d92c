import Testing
@testable import SoftmaxKernels

/// The C row loops (``NativeRows``) on batches, for every instruction set this CPU runs and for the
/// Swift path (isa 0): the `simd` bounds (the VJP also at β = 0.6, softmax and log-softmax at β = 0.37,
/// and at 3 but in Float16) on the batch code paths that single rows never reach (groups of four short
/// rows, vector tails, long rows), and declined rows inside a group.
@Suite struct NativeRowsTests {
    static let seed = SplitMix64.seed(default: 0x5EED_0005)
    /// The instruction sets these tests run: the Swift path (0) and those of the C loops this CPU has
    /// (``everyInstructionSet`` reports the others as skipped).
    static let isas = Array(0...NativeRows.isa)
    /// Every instruction set of the C loops (`CSM_ISA_*`).
    static let allISAs: [Int32] = [0, 1, 2]
    static let widths = [1, 3, 8, 15, 16, 17, 31, 32, 33, 64, 100, 1000]

    /// One batch call of `function` at the given instruction set (`into`: in place, or an output of the
    /// same layout).
    static func run<T: SoftmaxScalar>(_ function: KernelFunction, _ x: [T], g: [T]? = nil, n: Int, stride: Int? = nil,
                                      beta: Double = 1, isa: Int32, into y: inout [T]) {
        let gradient = g ?? x
        let shape = BatchShape(rows: (x.count - n) / (stride ?? n) + 1, columns: n, rowStride: stride)
        x.withUnsafeBufferPointer { xb in
            gradient.withUnsafeBufferPointer { gb in
                y.withUnsafeMutableBufferPointer { yb in
                    T._run(_KernelRequest(function: function, algorithm: .simd, shape: shape, beta: T.Accumulator(beta),
                                          maskedRows: .nan, threads: 1, x: xb.baseAddress!, y: yb.baseAddress,
                                          g: g == nil ? nil : gb.baseAddress, labels: nil, perRow: nil, isa: isa))
                }
            }
        }
    }

    /// One strided call with the output in the input's buffer (for the VJP: dx over s).
    static func runInPlace<T: SoftmaxScalar>(_ f: KernelFunction, _ x: inout [T], g: [T]? = nil, n: Int, stride: Int,
                                             beta: Double = 1, isa: Int32) {
        let shape = BatchShape(rows: x.count / stride, columns: n, rowStride: stride)
        let gradient = g ?? []
        x.withUnsafeMutableBufferPointer { xb in
            gradient.withUnsafeBufferPointer { gb in
                T._run(_KernelRequest(function: f, algorithm: .simd, shape: shape, beta: T.Accumulator(beta),
                                      maskedRows: .nan, threads: 1, x: UnsafePointer(xb.baseAddress!), y: xb.baseAddress,
                                      g: g == nil ? nil : gb.baseAddress, labels: nil, perRow: nil, isa: isa))
            }
        }
    }

    /// The C loops alone (``NativeRows``) on `rows` rows of n: the rows they did before declining one,
    /// and the output.
    static func runNative<T: SoftmaxScalar>(_ f: KernelFunction, _ x: [T], rows: Int, n: Int, isa: Int32) -> (done: Int, y: [T]) {
        var y = [T](repeating: 0, count: x.count)
        let done = x.withUnsafeBufferPointer { xb in
            y.withUnsafeMutableBufferPointer { yb in
                let q = _KernelRequest(function: f, algorithm: .simd, shape: BatchShape(rows: rows, columns: n),
                                       beta: 1, maskedRows: .nan, threads: 1, x: xb.baseAddress!,
                                       y: yb.baseAddress, g: nil, labels: nil, perRow: nil, isa: isa)
                return NativeRows.run(q, 0..<rows, isa: isa, entry: NativeRows.entry(for: q)!)
            }
        }
        return (done, y)
    }

    static func run<T: SoftmaxScalar>(_ function: KernelFunction, _ x: [T], g: [T]? = nil, n: Int, beta: Double = 1,
                                      isa: Int32) -> [T] {
        var y = [T](repeating: 0, count: x.count)
        run(function, x, g: g, n: n, beta: beta, isa: isa, into: &y)
        return y
    }

    /// Float softmax of a batch of contiguous rows of n at one instruction set, into another buffer (the
    /// unshifted exps tested on Σ) and in place (the maxima read first), each output with its label.
    static func softmaxApartAndInPlace(_ x: [Float], n: Int, beta: Double, isa: Int32) -> [(label: String, y: [Float])] {
        var inPlace = x
        runInPlace(.softmax, &inPlace, n: n, stride: n, beta: beta, isa: isa)
        return [("apart", run(.softmax, x, n: n, beta: beta, isa: isa)), ("in place", inPlace)]
    }

    /// A batch of a family (nine rows: two groups of four and one more; three for rows past 1000),
    /// rounded to T.
    static func batch<T: SoftmaxScalar>(_ family: RowFamily, n: Int, _ rng: inout SplitMix64, as _: T.Type) -> [[Double]] {
        let scale = T.self == Float16.self ? family.float16Scale : 1
        return (0..<(n > 1000 ? 3 : 9)).map { _ in family.row(n, &rng).map { Double(T($0 * scale)) } }
    }

    /// The declared `simd` bounds (``KernelAlgorithm/ulpBound(for:type:)``; Float16: the sharper one of a
    /// single rounding) on batches of every family and width, through every instruction set.
    static func check<T: SoftmaxScalar>(_: T.Type, widths: [Int] = widths) {
        let bits = T.kernelScalarType.significandBits
        var rng = SplitMix64(seed: seed ^ UInt64(bits))
        for family in RowFamily.allCases {
            for n in widths {
                let rows = batch(family, n: n, &rng, as: T.self)
                let refs = rows.map { Reference($0) }
                let x = rows.flatMap { $0.map { T($0) } }
                let g = (0..<x.count).map { _ in T(rng.normal()) }
                for isa in isas {
                    let s = run(.softmax, x, n: n, isa: isa), l = run(.logSoftmax, x, n: n, isa: isa)
                    let vjp = run(.softmaxVJP, s, g: g, n: n, isa: isa)
                    let vjpBeta = run(.softmaxVJP, s, g: g, n: n, beta: 0.6, isa: isa), betaV = Double(T.Accumulator(0.6))
                    var worst: [KernelFunction: Double] = [:], worstVJPBeta = 0.0
                    for (r, ref) in refs.enumerated() {
                        let exactS = ref.softmax, exactL = ref.logSoftmax
                        var dot = DoubleDouble(0), absDot = 0.0
                        for i in 0..<n {
                            dot = dot + DoubleDouble(Double(s[r * n + i])) * DoubleDouble(Double(g[r * n + i]))
                            absDot += abs(Double(s[r * n + i]) * Double(g[r * n + i]))
                        }
                        for i in 0..<n {
                            let k = r * n + i, si = Double(s[k]), gi = Double(g[k])
                            worst[.softmax] = max(worst[.softmax] ?? 0, ulpError(si, exactS[i], bits: bits))
                            worst[.logSoftmax] = max(worst[.logSoftmax] ?? 0, ulpError(Double(l[k]), exactL[i], bits: bits))
                            let exactV = DoubleDouble(si) * (DoubleDouble(gi) - dot)
                            worst[.softmaxVJP] = max(worst[.softmaxVJP] ?? 0,
                                                     ulpError(Double(vjp[k]), exactV, bits: bits, scale: si * (abs(gi) + absDot)))
                            worstVJPBeta = max(worstVJPBeta, ulpError(Double(vjpBeta[k]), DoubleDouble(betaV) * exactV, bits: bits,
                                                                      scale: betaV * si * (abs(gi) + absDot)))
                        }
                    }
                    worst[.softmaxVJP] = max(worst[.softmaxVJP] ?? 0, worstVJPBeta)  // the VJP at β = 0.6 too
                    for (f, e) in worst {
                        let bound = T.self == Float16.self ? NativeRowsFloat16Tests.oneRounding
                                                           : KernelAlgorithm.simd.ulpBound(for: f, type: T.kernelScalarType)!
                        #expect(e <= bound, "\(T.self) \(f.rawValue), isa \(isa), \(family.rawValue) rows of \(n): \(e) ulps; seed \(seed)")
                    }
                    // β = 3 would take Float16 log-softmax past ±65504, where the rounded exact value is −inf.
                    for beta in T.self == Float16.self ? [0.37] : [0.37, 3.0] {
                        let sb = run(.softmax, x, n: n, beta: beta, isa: isa), lb = run(.logSoftmax, x, n: n, beta: beta, isa: isa)
                        var worstS = 0.0, worstL = 0.0
                        for (r, row) in rows.enumerated() {
                            let ref = Reference(row, beta: Double(T.Accumulator(beta)))  // the β the kernel sees
                            let exactS = ref.softmax, exactL = ref.logSoftmax
                            for i in 0..<n {
                                worstS = max(worstS, ulpError(Double(sb[r * n + i]), exactS[i], bits: bits))
                                worstL = max(worstL, ulpError(Double(lb[r * n + i]), exactL[i], bits: bits))
                            }
                        }
                        let bound = T.self == Float16.self ? NativeRowsFloat16Tests.oneRounding
                                                           : KernelAlgorithm.simd.ulpBound(for: .softmax, type: T.kernelScalarType)!
                        #expect(worstS <= bound && worstL <= bound,
                                "\(T.self) β = \(beta), isa \(isa), \(family.rawValue) rows of \(n): softmax \(worstS), log-softmax \(worstL) ulps; seed \(seed)")
                    }
                }
            }
        }
    }

    @Test("Float batches keep the bounds through every instruction set")
    func float() { Self.check(Float.self) }

    @Test("Double batches keep the bounds through every instruction set")
    func double() { Self.check(Double.self) }

    /// Rows into another buffer are taken unshifted with no look at their maxima, and kept only if
    /// their Σ lies in [1, 2^92]. A spike of 100 at every position in turn, each lane, vector and tail
    /// of a row after the first: a spike that the test on Σ let through would give e^100 unshifted, an
    /// infinite Σ and zeros.
    @Test("a spike above 64 at any position sends its row to the shift by its max (Float, every isa)")
    func spikesFailTheSumTest() {
        for n in [5, 16, 37, 100, 128, 255, 300, 1000, 1027] {
            var rng = SplitMix64(seed: Self.seed ^ UInt64(n))
            let base = (0..<(9 * n)).map { _ in Float(rng.normal()) }
            for position in stride(from: 0, to: n, by: max(1, n / 61)) {
                var x = base
                for r in 1..<9 { x[r * n + (position + r) % n] = 100 }
                for isa in Self.isas {
                    let s = Self.run(.softmax, x, n: n, isa: isa)
                    var worst = 0.0
                    for r in 0..<9 {
                        let exact = Reference(x[(r * n)..<(r * n + n)].map(Double.init)).softmax
                        worst = max(worst, (0..<n).map { ulpError(Double(s[r * n + $0]), exact[$0], bits: 24) }.max()!)
                    }
                    #expect(worst <= 4, "n = \(n), spike at \(position), isa \(isa): \(worst) ulps")
                }
            }
        }
    }

    /// One long row into another buffer is taken unshifted with no max pass and kept if its Σ passes;
    /// in place its max is read first. Spikes in the middle and in the tail, a first part below 0, a NaN
    /// in the tail, and the same rows in place.
    @Test("a long Float row keeps the bound wherever its maximum lies (every isa)")
    func longRows() {
        var rng = SplitMix64(seed: Self.seed ^ 0xC4)
        for n in [2 * 16384, 2 * 16384 + 1000, 5 * 16384 + 77] {
            let base = (0..<n).map { _ in Float(rng.normal(sigma: 3)) }
            var spikeMiddle = base, spikeTail = base, negativeFirst = base, nanTail = base
            spikeMiddle[16384 + 5] = 100
            spikeTail[n - 3] = 100
            for i in 0..<16384 { negativeFirst[i] = -1 - abs(negativeFirst[i]) }
            nanTail[n - 1] = .nan
            for (name, x) in [("plain", base), ("spike in chunk 2", spikeMiddle), ("spike at the end", spikeTail),
                              ("first chunk below 0", negativeFirst)] {
                let exact = Reference(x.map(Double.init)).softmax
                for isa in Self.isas {
                    for (label, y) in Self.softmaxApartAndInPlace(x, n: n, beta: 1, isa: isa) {
                        let worst = (0..<n).map { ulpError(Double(y[$0]), exact[$0], bits: 24) }.max()!
                        #expect(worst <= 4, "\(name), n = \(n), \(label), isa \(isa): \(worst) ulps")
                    }
                }
            }
            for isa in Self.isas {
                let s = Self.run(.softmax, nanTail, n: n, isa: isa)
                #expect(s.allSatisfy { $0.isNaN }, "NaN in the tail, n = \(n), isa \(isa)")
            }
        }
    }

    /// The edges of the test on Σ that lets a row keep its unshifted exps (Σ in [1, 2^92], 2^92 < e^64):
    /// maxima just under and over ln 2^92 ≈ 63.77, at 64 and past it (on AVX2 the unshifted exps stop
    /// at e^64), near the float overflow of e^x and far past it, and rows below 1 in sum, in sequences
    /// that take the unshifted path, fail it, read the maxima of the next rows first, and come back.
    @Test("rows at the edges of the unshifted test on Σ keep the bound, apart and in place (Float, every isa)")
    func sumTestEdges() {
        // nil: N(0, 3²); -.infinity: −100 + N(0, 1), Σ < 1 (after rows that keep their unshifted exps)
        let maxima: [Float?] = [nil, nil, nil, nil, -.infinity, 63.5, 63.9, nil, 64, 64.1, nil, nil, 70, 88, 88.7, 89,
                                1e6, nil, -1, nil, nil, nil, nil, -.infinity, nil]
        for n in [7, 40, 100, 256, 300, 1024, 3000] {
            var rng = SplitMix64(seed: Self.seed ^ 0xED6E ^ UInt64(n))
            let rows = maxima.enumerated().map { r, top -> [Float] in
                var x = (0..<n).map { _ in Float(rng.normal(sigma: 3)) }
                if top == -.infinity { return x.map { -100 + $0 / 3 } }
                if let top { x = x.map { Swift.min($0, top - 1) }; x[(r * 7) % n] = top }
                return x
            }
            let x = rows.flatMap { $0 }
            for beta in [1.0, 0.5] {
                let exact = rows.map { Reference($0.map(Double.init), beta: beta).softmax }
                for isa in Self.isas {
                    for (label, y) in Self.softmaxApartAndInPlace(x, n: n, beta: beta, isa: isa) {
                        for (r, e) in exact.enumerated() {
                            let worst = (0..<n).map { ulpError(Double(y[r * n + $0]), e[$0], bits: 24) }.max()!
                            #expect(worst <= 4, "row \(r), max \(String(describing: maxima[r])), n = \(n), β = \(beta), isa \(isa), \(label): \(worst) ulps")
                        }
                    }
                }
            }
        }
    }

    @Test("rows tried unshifted with no clamp (AVX-512): −inf, far negative and NaN entries between kept rows")
    func bareUnshiftedTries() {
        // kinds: 0 N(0, 3²); 1 with entries far below e^-104 (k inexact past −2.9·10^6); 6 with −432.5, where
        // a 2^k in the exponent bits, as AVX2 forms it, would wrap to a tiny positive exp; 2 masked by −inf
        // (the bare pass fails, later rows keep their clamp); 3 Σ < 1 (a max read: the next rows bare
        // again); 4 a NaN with its sign bit set; 5 a NaN with a payload in the low bits
        let order = [0, 1, 6, 0, 2, 2, 0, 1, 6, 3, 0, 1, 0, 4, 0, 6, 5, 0]
        let far: [Float] = [-2e5, -3e6, -3e7, -1e30, -.greatestFiniteMagnitude]
        for n in [8, 16, 40, 128, 256, 300, 1024, 3000] {
            // rows of one vector go in groups of 16: each kind takes a whole group there
            let kinds = n <= 16 ? order.flatMap { Array(repeating: $0, count: 16) } : order
            var rng = SplitMix64(seed: Self.seed ^ 0xBA4E ^ UInt64(n))
            let rows = kinds.enumerated().map { r, kind -> [Float] in
                var x = (0..<n).map { _ in Float(rng.normal(sigma: 3)) }
                switch kind {
                case 1: for (j, v) in far.enumerated() { x[(r * 5 + j * 7) % n] = v }
                case 6: x[(r * 3) % n] = -432.5
                case 2: for i in stride(from: r % 5, to: n, by: 5) { x[i] = -.infinity }
                case 3: x = x.map { -100 + $0 / 3 }
                case 4: x[n / 2] = Float(bitPattern: 0xFFC0_0000)
                case 5: x[n / 3] = Float(bitPattern: 0x7FC0_0001)
                default: break
                }
                return x
            }
            for beta in [1.0, 0.5] {
                for isa in Self.isas {
                    for (label, y) in Self.softmaxApartAndInPlace(rows.flatMap { $0 }, n: n, beta: beta, isa: isa) {
                        for (r, row) in rows.enumerated() {
                            let out = y[(r * n)..<(r * n + n)]
                            if kinds[r] == 4 || kinds[r] == 5 {
                                let allNaN = out.allSatisfy { $0.isNaN }
                                #expect(allNaN, "row \(r), n = \(n), β = \(beta), isa \(isa), \(label)")
                                continue
                            }
                            let exact = Reference(row.map(Double.init), beta: beta).softmax
                            let worst = (0..<n).map { ulpError(Double(out[r * n + $0]), exact[$0], bits: 24) }.max()!
                            let zeros = zip(row, out).filter { $0.0 < -1e5 }.allSatisfy { $0.1 == 0 && $0.1.sign == .plus }
                            #expect(worst <= 4 && zeros, "row \(r), n = \(n), β = \(beta), isa \(isa), \(label): \(worst) ulps")
                        }
                    }
                }
            }
        }
    }

    @Test("log-softmax in groups of four rows: a row of tiny mass, a NaN or −inf entries anywhere in a group")
    func logSoftmaxGroups() {
        // rows up to 256 go four at a time; a group with a row the C loops decline (a mass off the max
        // below 2^-100, a NaN) is taken again row by row, and the declined row by the portable path
        for n in [65, 100, 128, 256] {
            for bad in 0..<4 {
                var rng = SplitMix64(seed: Self.seed ^ 0x106 ^ UInt64(n * 4 + bad))
                var rows = (0..<9).map { _ in (0..<n).map { _ in Float(rng.normal(sigma: 3)) } }
                rows[bad] = rows[bad].map { $0 / 10 - 97 }
                rows[bad][n / 2] = 0  // its other exps float subnormals, their mass below 2^-100: declined
                rows[4 + bad][bad * 7] = .nan
                for i in stride(from: bad, to: n, by: 3) { rows[8][i] = -.infinity }
                for beta in [1.0, 0.5] {
                    for isa in Self.isas {
                        let y = Self.run(.logSoftmax, rows.flatMap { $0 }, n: n, beta: beta, isa: isa)
                        for (r, row) in rows.enumerated() {
                            let out = y[(r * n)..<(r * n + n)]
                            if r == 4 + bad {
                                let allNaN = out.allSatisfy { $0.isNaN }
                                #expect(allNaN, "row \(r), n = \(n), β = \(beta), isa \(isa)")
                                continue
                            }
                            let exact = Reference(row.map(Double.init), beta: beta).logSoftmax
                            let worst = (0..<n).map { ulpError(Double(out[r * n + $0]), exact[$0], bits: 24) }.max()!
                            #expect(worst <= 4, "row \(r), n = \(n), β = \(beta), isa \(isa): \(worst) ulps")
                        }
                    }
                }
            }
        }
    }

    @Test("declined rows inside a group (NaN, +inf, all −inf) follow the policy; their neighbours are unchanged")
    func declinedRows() {
        for n in [3, 16, 40, 100, 300] {
            var x = (0..<(9 * n)).map { Float($0 % 7) - 3 }
            x[2 * n + 1] = .nan
            x[5 * n] = .infinity
            for i in 0..<n { x[6 * n + i] = -.infinity }
            for isa in Self.isas {
                let s = Self.run(.softmax, x, n: n, isa: isa), l = Self.run(.logSoftmax, x, n: n, isa: isa)
                let nanRow = s[(2 * n)..<(3 * n)].allSatisfy { $0.isNaN } && l[(2 * n)..<(3 * n)].allSatisfy { $0.isNaN }
                let infRow = s[5 * n] == 1 && s[(5 * n + 1)..<(6 * n)].allSatisfy { $0 == 0 }
                let infLogRow = l[5 * n] == 0 && l[(5 * n + 1)..<(6 * n)].allSatisfy { $0 == -.infinity }
                let maskedRow = s[(6 * n)..<(7 * n)].allSatisfy { $0.isNaN }
                #expect(nanRow && infRow && infLogRow && maskedRow, "isa \(isa), n = \(n)")
                for r in [0, 1, 3, 4, 7, 8] {
                    let exact = Reference(x[(r * n)..<(r * n + n)].map(Double.init)).softmax
                    let worst = (0..<n).map { ulpError(Double(s[r * n + $0]), exact[$0], bits: 24) }.max()!
                    #expect(worst <= 4, "row \(r), isa \(isa), n = \(n)")
                }
            }
        }
    }

    @Test("a Float row with a NaN below its maximum is finished by the C loops, NaN everywhere")
    func nanRowsFinishedInC() {
        for n in [100, 300, 5000] {
            var x = (0..<(3 * n)).map { Float($0 % 11) - 5 }
            x[n + 7] = .nan  // early in the row: the later vectors' maxima replace it in every lane
            for isa in Self.isas where isa > 0 {
                for f in [KernelFunction.softmax, .logSoftmax] {
                    let (done, y) = Self.runNative(f, x, rows: 3, n: n, isa: isa)
                    #expect(done == 3 && y[n..<(2 * n)].allSatisfy(\.isNaN) && !y[0..<n].contains { $0.isNaN },
                            "\(f.rawValue) n = \(n), isa \(isa): \(done) rows done")
                }
            }
        }
    }

    @Test("where x − max overflows, log-softmax is −inf (the rounded exact value), not NaN; softmax 0")
    func overflowingDifference() {
        // Rows of 20 (the long-row paths) whose smallest entry lies more than the format's range below the max.
        let xd = [Double](repeating: 0x1.5c37_0a84_7df8_1p+1023, count: 19) + [-0x1.8e7e_9e6f_4987_fp+1022]
        let xf = [Float](repeating: 3e38, count: 79) + [-3e38]
        for isa in Self.isas {
            let ld = Self.run(.logSoftmax, xd, n: xd.count, isa: isa), sd = Self.run(.softmax, xd, n: xd.count, isa: isa)
            let lf = Self.run(.logSoftmax, xf, n: xf.count, isa: isa), sf = Self.run(.softmax, xf, n: xf.count, isa: isa)
            #expect(ld.last == -.infinity && sd.last == 0 && !ld.contains { $0.isNaN }, "Double, isa \(isa): \(ld.last!)")
            #expect(lf.last == -.infinity && sf.last == 0 && !lf.contains { $0.isNaN }, "Float, isa \(isa): \(lf.last!)")
        }
    }

    /// The tests above loop over ``isas``, which leaves out the instruction sets this CPU lacks (or
    /// that SOFTMAX_KERNELS_ISA turns off): each one left out shows here as a known issue.
    @Test("the tests of the C loops cover every instruction set, or say which this CPU lacks", arguments: allISAs)
    func everyInstructionSet(isa: Int32) {
        if isa <= NativeRows.isa {
            #expect(Self.isas.contains(isa))
        } else {
            withKnownIssue("instruction set \(isa) is not tested: this CPU lacks it or SOFTMAX_KERNELS_ISA turns it off") {
                Issue.record("instruction set \(isa) skipped (this process runs up to \(NativeRows.isa))")
            }
        }
    }
}
