import Testing
import SoftmaxKernels

/// Identities of the family on seeded rows, for every kernel that declares a bound.
@Suite struct IdentityTests {
    static let seed = SplitMix64.seed(default: 0x1DE7)

    @Test("simd softmax sums to one within n·4 ulps, in Float and Double")
    func sumsToOne() {
        var rng = SplitMix64(seed: Self.seed)
        for _ in 0..<200 {
            let x = RowFamily.allCases.randomElement(using: &rng)!.row(Int.random(in: 1...64, using: &rng), &rng)
            let d = KernelAlgorithm.simd.softmax(x).reduce(0, +)
            #expect(abs(d - 1) <= Double(4 * x.count + 2) * 0x1p-53, "seed \(Self.seed)")
            let f = KernelAlgorithm.simd.softmax(x.map(Float.init)).reduce(0) { $0 + Double($1) }
            #expect(abs(f - 1) <= Double(4 * x.count + 2) * 0x1p-24, "seed \(Self.seed)")
        }
    }

    /// Rows shifted by their max (x − max is exact) give the same bits under any exact translation. Rows
    /// whose max lies in [0, 64] take their exps unshifted, so there translation holds within the bound
    /// only (AccuracyTests); the rows here are kept out of that range on both sides.
    @Test("translation by an exact shift leaves simd softmax bit for bit unchanged on rows shifted by their max")
    func translationInvariance() {
        var rng = SplitMix64(seed: Self.seed ^ 1)
        let unshifted: ClosedRange<Float> = 0...64
        for _ in 0..<200 {
            // Multiples of 2^-8 below 2^11, shifted by an integer below 2^11: every x + c is exact.
            var x = (0..<Int.random(in: 1...40, using: &rng)).map { _ in Float(Int.random(in: -1 << 18...1 << 18, using: &rng)) / 256 }
            if unshifted.contains(x.max()!) { x = x.map { $0 + 128 } }
            var c = Float(Int.random(in: -1000...1000, using: &rng))
            if unshifted.contains(x.max()! + c) { c += 100 }
            #expect(KernelAlgorithm.simd.softmax(x) == KernelAlgorithm.simd.softmax(x.map { $0 + c }), "seed \(Self.seed)")
        }
    }

    @Test("the softmax VJP equals Jᵀg from the materialised Jacobian")
    func vjpIsJacobianTransposeTimesG() {
        var rng = SplitMix64(seed: Self.seed ^ 2)
        for a in KernelAlgorithm.allCases where a != .naive {
            for _ in 0..<50 {
                let n = Int.random(in: 1...12, using: &rng)
                let x = (0..<n).map { _ in rng.normal(sigma: 3) }, g = (0..<n).map { _ in rng.normal() }
                let j = a.jacobian(x, beta: 1.5)
                let viaJ = (0..<n).map { c in (0..<n).reduce(0.0) { $0 + j[$1][c] * g[$1] } }
                let vjp = a.softmaxVJP(output: a.softmax(x, beta: 1.5), gradient: g, beta: 1.5)
                for (p, q) in zip(vjp, viaJ) { #expect(abs(p - q) <= 1e-14 * (1 + g.map(abs).max()!), "\(a), seed \(Self.seed)") }
                #expect(j.indices.allSatisfy { i in abs(j[i].reduce(0, +)) <= 1e-15 * Double(n) }, "rows of J sum to 0")
            }
        }
    }

    @Test("sigmoid(x) = softmax([x, 0])[0] within the bounds")
    func sigmoidIsTwoClassSoftmax() {
        var rng = SplitMix64(seed: Self.seed ^ 3)
        for _ in 0..<500 {
            let x = Float(rng.normal(sigma: 20))
            let s = KernelAlgorithm.simd.sigmoid([x])[0], t = KernelAlgorithm.simd.softmax([x, 0])[0]
            #expect(abs(s - t) <= 8 * max(t.ulp, Float.leastNonzeroMagnitude), "x = \(x), seed \(Self.seed)")
        }
    }

    @Test("the log-softmax VJP is β·(g − s·Σg), and batched rows equal single rows on any thread count")
    func logSoftmaxVJPAndBatches() {
        var rng = SplitMix64(seed: Self.seed ^ 4)
        let rows = 300, n = 130
        let x = (0..<rows * n).map { _ in Float(rng.normal(sigma: 5)) }
        for a in KernelAlgorithm.allCases {
            var one = [Float](repeating: 0, count: x.count), many = one
            x.withUnsafeBufferPointer { xb in
                one.withUnsafeMutableBufferPointer { ob in
                    for r in 0..<rows {
                        a.logSoftmax(UnsafeBufferPointer(rebasing: xb[r * n..<(r + 1) * n]),
                                     into: UnsafeMutableBufferPointer(rebasing: ob[r * n..<(r + 1) * n]))
                    }
                }
                many.withUnsafeMutableBufferPointer { mb in
                    a.logSoftmax(xb, into: mb, shape: BatchShape(rows: rows, columns: n), threads: 2)
                }
            }
            #expect(one == many, "\(a)")
            let g = (0..<n).map { _ in Float(rng.normal()) }
            let ls = Array(one[0..<n])
            let dx = a.logSoftmaxVJP(output: ls, gradient: g, beta: 2)
            let total = g.reduce(0) { $0 + Double($1) }
            for i in 0..<n {
                let exact = 2 * (Double(g[i]) - Double(ls[i]).exponentialForTest * total)
                #expect(abs(Double(dx[i]) - exact) <= 1e-5 * (abs(Double(g[i])) + abs(total)), "\(a)")
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif

extension Double {
    var exponentialForTest: Double { exp(self) }
}
