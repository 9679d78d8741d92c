import Dispatch
internal import CSoftmaxSIMD

/// Runs a ``_KernelRequest``: splits the rows over threads, then dispatches each row on the function and
/// the algorithm.
enum KernelDriver<S: KernelStorage> {
    typealias R = S.Accumulator

    /// Batches below this many elements run on the calling thread whatever the thread count.
    static var parallelThreshold: Int { 1 << 15 }

    /// The path `q` takes: its rows split over threads, the C loops, or the Swift code.
    static func path(for q: _KernelRequest<S>) -> KernelPath {
        if RowSlices.applies(q) { return .rowSlices }
        if q.isa != 0, let entry = NativeRows.entry(for: q) { return .native(entry) }
        return .swift
    }

    static func run(_ q: _KernelRequest<S>) {
        let entry: NativeRows.Entry?
        switch path(for: q) {
        case .rowSlices: return RowSlices.run(q)
        case .native(let e): entry = e
        case .swift: entry = nil
        }
        let rows = q.shape.rows
        let threads = Swift.min(q.threads, rows)
        if threads <= 1 || rows * q.shape.columns < parallelThreshold {
            runRows(q, 0..<rows, entry)
            return
        }
        // `threads` workers claim chunks of rows from a shared counter: the calling thread starts at once
        // and a worker that wakes late takes fewer chunks, instead of the batch waiting for its half.
        let chunks = Swift.min(rows, threads * chunksPerThread)
        var next = 0
        withUnsafeMutablePointer(to: &next) { counter in
            let claim = SharedPointer(counter)
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while true {
                    let c = csm_fetch_add(claim.pointer, 1)
                    if c >= chunks { return }
                    runRows(q, (rows * c / chunks)..<(rows * (c + 1) / chunks), entry)
                }
            }
        }
    }

    /// Chunks of rows per thread in a parallel batch.
    static var chunksPerThread: Int { 16 }

    /// Runs rows through the C loops' `entry` (``NativeRows``), and row by row in Swift where it is nil
    /// or where they decline a row.
    static func runRows(_ q: _KernelRequest<S>, _ range: Range<Int>, _ entry: NativeRows.Entry?) {
        var r = range.lowerBound
        while r < range.upperBound {
            if let entry {
                r = NativeRows.run(q, r..<range.upperBound, isa: q.isa, entry: entry)
                if r == range.upperBound { return }
            }
            runRow(q, r)
            r += 1
        }
    }

    static func runRow(_ q: _KernelRequest<S>, _ r: Int) {
        let n = q.shape.columns, stride = q.shape.rowStride, a = q.algorithm, beta = q.beta
        let x = q.x + r * stride
        let y = q.y.map { $0 + r * stride }
        let g = q.g.map { $0 + r * stride }
        switch q.function {
        case .softmax:
            softmaxRow(a, x, y!, n, beta: beta, masked: q.maskedRows)
        case .logSoftmax:
            if a == .simd {
                S.Lanes.logSoftmax(x, y!, n, beta: beta, masked: q.maskedRows)
            } else {
                ScalarKernels.logSoftmax(a, x, y!, n, beta: beta, masked: q.maskedRows)
            }
        case .logSumExp:
            q.perRow![r] = a == .simd ? S.Lanes.logSumExp(x, n, beta: beta) : ScalarKernels.logSumExp(a, x, n, beta: beta)
        case .sigmoid:
            if a == .simd { S.Lanes.sigmoid(x, y!, n, beta: beta) } else { ScalarKernels.sigmoid(a, x, y!, n, beta: beta) }
        case .softmaxVJP:
            if a == .simd {
                S.Lanes.softmaxVJP(x, g!, y!, n, beta: beta)
            } else {
                ScalarKernels.softmaxVJP(x, g!, y!, n, beta: beta)
            }
        case .logSoftmaxVJP:
            if a == .simd {
                S.Lanes.logSoftmaxVJP(x, g!, y!, n, beta: beta)
            } else {
                ScalarKernels.logSoftmaxVJP(x, g!, y!, n, beta: beta)
            }
        case .crossEntropy:
            let label = q.labels.map { $0[r] }
            if let label { precondition(label >= 0 && label < n, "label \(label) of row \(r) is not in 0..<\(n)") }
            q.perRow![r] = a == .simd
                ? AccurateCrossEntropy.run(x, label: label, target: g, grad: y, n, beta: beta)
                : ScalarKernels.crossEntropy(a, x, label: label, target: g, grad: y, n, beta: beta)
        case .jacobian:
            JacobianKernel.run(a, x, q.y! + r * n * n, n, beta: beta, masked: q.maskedRows)
        }
    }

    @inline(__always)
    static func softmaxRow(_ a: KernelAlgorithm, _ x: UnsafePointer<S>, _ y: UnsafeMutablePointer<S>, _ n: Int,
                           beta: R, masked: FullyMaskedRow) {
        if a == .simd {
            S.Lanes.softmax(x, y, n, beta: beta, masked: masked)
        } else {
            ScalarKernels.softmax(a, x, y, n, beta: beta, masked: masked)
        }
    }
}

/// A pointer the workers of one batch or row share: each writes only its own slot or slice, or goes
/// through atomic C operations.
struct SharedPointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}
