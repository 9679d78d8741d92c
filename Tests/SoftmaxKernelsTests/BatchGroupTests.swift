import Testing
@testable import SoftmaxKernels

/// Large Float batches, for the group paths that the nine-row batches of ``NativeRowsTests`` do not
/// reach: groups of 16 (AVX-512) or 8 (AVX2) rows of one vector, whose exps are taken unshifted when
/// every row has β·x ≤ 64 and Σ ≥ 1 and whose sums are reduced together; and groups of four medium
/// rows, each scaled in the pass of the group two after it, the last two after the loop. Rows that a
/// group must decline sit in some groups and not in others.
@Suite struct BatchGroupTests {
    static let seed = SplitMix64.seed(default: 0x5EED_0006)
    static let widths = [1, 2, 5, 8, 9, 15, 16, 17, 40, 64, 128, 129, 256]
    static let rowCount = 85  // five groups of 16 and a tail

    /// What a row of the batch is made to test.
    enum Kind {
        case plain  // N(0, 3²): every group of plain rows takes the unshifted path
        case deep   // −100 + N(0, 1): Σ < 1, where unshifted exps would be subnormal, far from exact
        case over   // 80 + N(0, 5²): above 64, where e^x overflows a float near 89
        case nan    // plain with one NaN: the whole row NaN, its neighbours untouched
        case inf    // plain with one +inf: declined by the C loops, 1 at the +inf and 0 elsewhere
    }

    /// Row r's kind: plain except one row in each of the second to fifth groups of 16 (and so in four
    /// different groups of 8 and of 4).
    static func kind(_ r: Int) -> Kind { r == 20 ? .deep : r == 37 ? .over : r == 55 ? .nan : r == 70 ? .inf : .plain }

    static func row(_ kind: Kind, n: Int, _ rng: inout SplitMix64) -> [Float] {
        var x = (0..<n).map { _ in Float(rng.normal(sigma: 3)) }
        switch kind {
        case .plain: break
        case .deep: x = x.map { -100 + $0 / 3 }
        case .over: x = x.map { 80 + $0 * 5 / 3 }
        case .nan: x[n / 2] = .nan
        case .inf: x[n / 3] = .infinity
        }
        return x
    }

    @Test("batches of 85 rows keep the Float softmax bound through the group paths, declined rows included (every isa)")
    func groupPathsKeepTheBound() {
        for n in Self.widths {
            var rng = SplitMix64(seed: Self.seed ^ UInt64(n))
            let rows = (0..<Self.rowCount).map { Self.row(Self.kind($0), n: n, &rng) }
            let x = rows.flatMap { $0 }
            for beta in [1.0, 0.37, 3.0] {
                let exact = rows.map { row in
                    row.contains { $0.isNaN } ? nil
                        : row.contains(.infinity) ? row.map { DoubleDouble($0 == .infinity ? 1 : 0) }
                        : Reference(row.map(Double.init), beta: Double(Float(beta))).softmax
                }
                for isa in NativeRowsTests.isas {
                    for (label, y) in NativeRowsTests.softmaxApartAndInPlace(x, n: n, beta: beta, isa: isa) {
                        for (r, e) in exact.enumerated() {
                            let out = y[(r * n)..<(r * n + n)]
                            guard let e else {
                                #expect(out.allSatisfy { $0.isNaN }, "NaN row \(r), n = \(n), β = \(beta), isa \(isa), \(label)")
                                continue
                            }
                            let worst = zip(out, e).map { ulpError(Double($0), $1, bits: 24) }.max()!
                            #expect(worst <= 4, "row \(r) (\(Self.kind(r))), n = \(n), β = \(beta), isa \(isa), \(label): \(worst) ulps")
                        }
                    }
                }
            }
        }
    }
}
