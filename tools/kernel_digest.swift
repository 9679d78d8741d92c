// The outputs of every kernel path, one line per case: "<case> <FNV-1a 64 of the output bytes>".
// Built and run by tools/kernel-digest, once per instruction set (SOFTMAX_KERNELS_ISA); a refactor
// that keeps every bit keeps every line. The cases cross Float, Double and Float16 with every
// function, the four algorithms, β in {1, 0.5, 3} (and 0, −1.5 on a few shapes), row lengths around
// every vector and group boundary of the C loops (one vector, short rows in groups of 4 or 8, the
// multi-row groups up to 256, long rows, Float16 rows past its 4096-element scratch), strided and
// in-place batches, batches mixing finite and non-finite rows (so the C loops decline mid-batch and
// resume), streamed outputs (a batch as large as the L3) and rows split over threads.
import Foundation
import SoftmaxKernels

/// Deterministic random numbers (SplitMix64).
struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }
    mutating func normal(_ sigma: Double = 1) -> Double {
        sigma * (-2 * log(max(uniform(), 0x1p-60))).squareRoot() * cos(2 * .pi * uniform())
    }
}

/// Row contents aimed at every branch of the C loops: the split (max ≤ 0, min ≥ −max, any), the
/// clamp (entries below max − 111), the unshifted first try (max in [0, 64] or not), declines
/// (+inf, no finite entry, NaN at the max, a log-softmax mass off the max below 2^-100) and the
/// "limit" policy's rows.
enum Family: String, CaseIterable {
    case normal, wide, high, positive, negative, large, deep, masked, fullyMasked, posInf, nanAtMax,
         nanElsewhere, dominant, ties, huge, tiny

    func row(_ n: Int, _ r: inout Random) -> [Double] {
        (0..<n).map { i in
            switch self {
            case .normal: r.normal(3)
            case .wide: r.normal(30)
            case .high: 64 - abs(r.normal(20))
            case .positive: 1 + r.uniform() * 9
            case .negative: -1 - abs(r.normal(8))
            case .large: 100 + r.normal(3)
            case .deep: i % 5 == 0 ? -300 + r.normal() : r.normal(2)
            case .masked: i % 3 == 1 ? -.infinity : r.normal(4)
            case .fullyMasked: -.infinity
            case .posInf: i == n / 2 ? .infinity : r.normal(3)
            case .nanAtMax: i == n - 1 ? .nan : r.normal(3) - 50
            case .nanElsewhere: i == n / 3 ? .nan : r.normal(3)
            case .dominant: i == 0 ? 200 : r.normal()
            case .ties: Double(Int(r.uniform() * 7) - 3)
            case .huge: r.normal(1e30)
            case .tiny: r.normal(1e-30)
            }
        }
    }
}

/// FNV-1a over bytes.
struct Digest {
    var value: UInt64 = 0xCBF2_9CE4_8422_2325
    mutating func add<T>(_ b: UnsafeBufferPointer<T>) {
        for byte in UnsafeRawBufferPointer(b) { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    }
}

enum Function: String, CaseIterable {
    case softmax, softmaxInPlace, logSoftmax, logSoftmaxInPlace, logSumExp, sigmoid, softmaxVJP,
         logSoftmaxVJP, crossEntropyLabels, crossEntropyTargets, jacobian
}

struct Cases<T: SoftmaxScalar> {
    let name: String

    /// One batch: rows of `families` in turn (row r is families[r % count]), output hashed.
    func run(_ k: KernelAlgorithm, _ f: Function, rows: Int, n: Int, stride: Int, beta: T.Accumulator,
             _ families: [Family], threads: Int = 1, seed: UInt64) -> String {
        var rng = Random(state: seed)
        let shape = BatchShape(rows: rows, columns: n, rowStride: stride)
        let count = shape.requiredCount
        var x = [T](repeating: -7, count: count), g = [T](repeating: 0, count: count)
        for row in 0..<rows {
            let values = families[row % families.count].row(n, &rng)
            for i in 0..<n {
                x[row * stride + i] = T(values[i])
                g[row * stride + i] = T(rng.uniform() * 2 - 1)
            }
        }
        var y = [T](repeating: 3, count: count), perRow = [T](repeating: 5, count: rows)
        var d = Digest()
        x.withUnsafeBufferPointer { xb in
            g.withUnsafeBufferPointer { gb in
                y.withUnsafeMutableBufferPointer { yb in
                    perRow.withUnsafeMutableBufferPointer { pb in
                        switch f {
                        case .softmax: k.softmax(xb, into: yb, shape: shape, beta: beta, threads: threads)
                        case .softmaxInPlace:
                            _ = yb.update(fromContentsOf: xb)
                            k.softmax(UnsafeBufferPointer(yb), into: yb, shape: shape, beta: beta, threads: threads)
                        case .logSoftmax: k.logSoftmax(xb, into: yb, shape: shape, beta: beta, threads: threads)
                        case .logSoftmaxInPlace:
                            _ = yb.update(fromContentsOf: xb)
                            k.logSoftmax(UnsafeBufferPointer(yb), into: yb, shape: shape, beta: beta, threads: threads)
                        case .logSumExp: k.logSumExp(xb, into: pb, shape: shape, beta: beta, threads: threads)
                        case .sigmoid: k.sigmoid(xb, into: yb, shape: shape, beta: beta, threads: threads)
                        case .softmaxVJP, .logSoftmaxVJP:
                            var s = [T](repeating: 0, count: count)
                            s.withUnsafeMutableBufferPointer { sb in
                                if f == .softmaxVJP {
                                    k.softmax(xb, into: sb, shape: shape, beta: beta)
                                    k.softmaxVJP(output: UnsafeBufferPointer(sb), gradient: gb, into: yb, shape: shape,
                                                 beta: beta, threads: threads)
                                } else {
                                    k.logSoftmax(xb, into: sb, shape: shape, beta: beta)
                                    k.logSoftmaxVJP(output: UnsafeBufferPointer(sb), gradient: gb, into: yb, shape: shape,
                                                    beta: beta, threads: threads)
                                }
                            }
                        case .crossEntropyLabels:
                            let labels = (0..<rows).map { ($0 * 7) % n }
                            labels.withUnsafeBufferPointer { lb in
                                k.crossEntropy(logits: xb, labels: lb, losses: pb, gradients: yb, shape: shape, beta: beta,
                                               threads: threads)
                            }
                        case .crossEntropyTargets:
                            let q = (0..<count).map { i in i % 4 == 1 ? T(0) : T(abs(Double(g[i]))) }
                            q.withUnsafeBufferPointer { qb in
                                k.crossEntropy(logits: xb, targets: qb, losses: pb, gradients: yb, shape: shape, beta: beta,
                                               threads: threads)
                            }
                        case .jacobian:
                            var j = [T](repeating: 0, count: n * n)
                            j.withUnsafeMutableBufferPointer { jb in
                                k.jacobian(UnsafeBufferPointer(rebasing: xb[0..<n]), into: jb, beta: beta)
                                d.add(UnsafeBufferPointer(jb))
                            }
                        }
                        d.add(UnsafeBufferPointer(yb))
                        d.add(UnsafeBufferPointer(pb))
                    }
                }
            }
        }
        let label = families.count == 1 ? families[0].rawValue : "mixed\(families.count)"
        return "\(name) \(k.rawValue) \(f.rawValue) \(rows)x\(n)/\(stride) beta=\(beta) \(label) t\(threads) "
            + String(d.value, radix: 16)
    }

    func all(_ emit: (String) -> Void) {
        let lengths = [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 24, 31, 32, 33, 47, 48, 63, 64, 65, 100, 127, 128, 129, 200, 255,
                       256, 257, 300, 511, 1000, 1024, 1025, 2047, 4096, 4097, 5000]
        let mixes: [[Family]] = Family.allCases.map { [$0] } + [
            [.normal, .posInf, .normal, .normal, .masked, .nanAtMax, .normal, .normal, .fullyMasked],
            [.high, .high, .high, .large, .high, .high, .negative, .high, .dominant, .deep],
            [.positive, .positive, .positive, .positive, .wide, .positive, .positive, .positive, .positive, .deep],
        ]
        var seed: UInt64 = 1
        for n in lengths {
            let rowCounts = n <= 256 ? [1, 5, 8, 13, 40, 69] : n <= 1025 ? [1, 5, 9] : [2, 5]
            for rows in rowCounts {
                let stride = rows == 5 ? n + 5 : n
                for f in Function.allCases where f != .jacobian || (n <= 33 && rows == 1) {
                    for beta: T.Accumulator in [1, 0.5, 3] {
                        for families in mixes {
                            seed += 1
                            emit(run(.simd, f, rows: rows, n: n, stride: stride, beta: beta, families, seed: seed))
                        }
                    }
                    if [1, 5, 16, 17, 100, 1000].contains(n) {
                        for beta: T.Accumulator in [0, -1.5] {
                            for families in mixes.suffix(4) {
                                seed += 1
                                emit(run(.simd, f, rows: rows, n: n, stride: stride, beta: beta, families, seed: seed))
                            }
                        }
                    }
                    if [1, 7, 100].contains(n) && rows <= 5 {
                        for k in KernelAlgorithm.allCases where k != .simd {
                            for families in mixes {
                                seed += 1
                                emit(run(k, f, rows: rows, n: n, stride: stride, beta: 1, families, seed: seed))
                            }
                        }
                    }
                }
            }
        }
        // Rows split over threads (one long row, fewer rows than threads) and batches over threads.
        for families in [[Family.normal], [.positive], [.negative], [.large], [.masked], [.nanElsewhere], [.posInf],
                         [.deep]] {
            for beta: T.Accumulator in [1, 0.5] {
                seed += 1
                emit(run(.simd, .softmax, rows: 1, n: 200_000, stride: 200_000, beta: beta, families, threads: 2, seed: seed))
                seed += 1
                emit(run(.simd, .softmaxInPlace, rows: 1, n: 150_001, stride: 150_001, beta: beta, families, threads: 4,
                         seed: seed))
                seed += 1
                emit(run(.simd, .logSoftmax, rows: 64, n: 1000, stride: 1000, beta: beta, families, threads: 2, seed: seed))
            }
        }
        // Outputs as large as the L3: Float softmax writes them past the caches (rows of 257 to 1024).
        let l3 = Cases.l3Bytes()
        for n in [300, 1000, 1024] {
            let rows = l3 / (n * MemoryLayout<T>.size) + 7
            for families in [[Family.normal], [.high, .high, .large, .posInf, .high, .masked, .high, .nanAtMax]] {
                for beta: T.Accumulator in [1, 0.5] {
                    seed += 1
                    emit(run(.simd, .softmax, rows: rows, n: n, stride: n + (n == 300 ? 1 : 0), beta: beta, families,
                             seed: seed))
                }
            }
        }
    }

    /// The L3 size as Linux reports it, 32 MiB where it does not (as the kernels read it).
    static func l3Bytes() -> Int {
        guard let s = try? String(contentsOfFile: "/sys/devices/system/cpu/cpu0/cache/index3/size", encoding: .utf8)
        else { return 32 << 20 }
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        let value = Int(t.dropLast()) ?? 32768
        return t.hasSuffix("M") ? value << 20 : t.hasSuffix("K") ? value << 10 : Int(t) ?? 32 << 20
    }
}

func emit(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
Cases<Float>(name: "Float").all(emit)
Cases<Double>(name: "Double").all(emit)
Cases<Float16>(name: "Float16").all(emit)
