internal import CSoftmaxSIMD

/// The C row loops behind the `simd` kernel's hottest paths (target `CSoftmaxSIMD`): AVX2+FMA and
/// AVX-512 copies of the same code, chosen at run time from the CPU, because Swift cannot give one
/// function a target attribute and the package must build with default flags as a dependency.
///
/// They cover softmax and log-softmax at any finite β > 0 (`Float16` rows longer than 4096 at β = 1) and
/// the softmax VJP at any β, with the same method and bounds as the Swift code (exact β·(x − max) pair,
/// wide or compensated sums, log1p of the mass off the maximum); `Float16` is computed in `Float` and
/// each output rounded once, by F16C or AVX-512 conversions (Swift's `SIMD8<Float16>` conversions are
/// software on x86-64). A row they decline (a +inf entry, no finite entry, a NaN (in `Float` one that
/// reached the row's maximum), or a log-softmax whose mass off the maximum is below 2⁻¹⁰⁰) is left to
/// the Swift path; so is everything else, and every row on a CPU without AVX2+FMA (`Float16`: also
/// F16C) or on another architecture.
enum NativeRows {
    /// The instruction set the C loops use in this process (`CSM_ISA_*`; 0: none, Swift only). The
    /// environment variable `SOFTMAX_KERNELS_ISA=portable|avx2|avx512` lowers it.
    static let isa = Int32(csm_best_isa())

    /// The C entry points a request's rows go through.
    enum Entry: Equatable, Sendable {
        /// ``csm_softmax_f32``, ``csm_softmax_f64``, ``csm_softmax_f16``.
        case softmax
        /// ``csm_softmax_stream_f32``: Float softmax whose outputs go past the caches (``streams(_:)``).
        case softmaxStreamed
        /// ``csm_log_softmax_f32``, ``csm_log_softmax_f64``, ``csm_log_softmax_f16``.
        case logSoftmax
        /// ``csm_softmax_vjp_f32``, ``csm_softmax_vjp_f64``, ``csm_softmax_vjp_f16``.
        case softmaxVJP
    }

    /// The entry point that computes this request's rows, nil where the C loops do not cover it (at any
    /// instruction set: the caller checks that one is available).
    static func entry<S: SoftmaxScalar>(for q: _KernelRequest<S>) -> Entry? {
        guard q.algorithm == .simd, S.self == Float.self || S.self == Double.self || S.self == Float16.self else {
            return nil
        }
        switch q.function {
        case .softmax where q.beta > 0 && q.beta.isFinite:
            return S.self == Float.self && streams(q) ? .softmaxStreamed : .softmax
        case .logSoftmax where q.beta > 0 && q.beta.isFinite: return .logSoftmax
        case .softmaxVJP: return .softmaxVJP
        default: return nil
        }
    }

    /// Whether a request's outputs go past the caches (``csm_softmax_stream_f32``): the whole batch's
    /// output, not one thread's chunk, is at least the L3 (``csm_stream_output_bytes``).
    static func streams<S: SoftmaxScalar>(_ q: _KernelRequest<S>) -> Bool {
        q.shape.rows * q.shape.rowStride * MemoryLayout<S>.size >= csm_stream_output_bytes()
    }

    /// Runs `rows` of a request through `entry` (``entry(for:)``) from the first until the C loops
    /// decline a row; returns that row, or `rows.upperBound` when all are done.
    static func run<S: SoftmaxScalar>(_ q: _KernelRequest<S>, _ rows: Range<Int>, isa: Int32, entry: Entry) -> Int {
        let n = q.shape.columns, stride = q.shape.rowStride, offset = rows.lowerBound * stride
        let x = UnsafeRawPointer(q.x + offset), y = UnsafeMutableRawPointer(q.y! + offset)
        let g = q.g.map { UnsafeRawPointer($0 + offset) }
        let count = rows.count
        let done: Int
        if S.self == Float.self {
            let xf = x.assumingMemoryBound(to: Float.self), yf = y.assumingMemoryBound(to: Float.self)
            switch entry {
            case .softmaxStreamed: done = csm_softmax_stream_f32(isa, xf, yf, count, n, stride, Float(q.beta))
            case .softmax: done = csm_softmax_f32(isa, xf, yf, count, n, stride, Float(q.beta))
            case .logSoftmax: done = csm_log_softmax_f32(isa, xf, yf, count, n, stride, Float(q.beta))
            case .softmaxVJP:
                done = csm_softmax_vjp_f32(isa, xf, g!.assumingMemoryBound(to: Float.self), yf, count, n, stride,
                                           Float(q.beta))
            }
        } else if S.self == Float16.self {
            // The C side takes the binary16 bit patterns.
            let xh = x.assumingMemoryBound(to: UInt16.self), yh = y.assumingMemoryBound(to: UInt16.self)
            switch entry {
            case .softmax, .softmaxStreamed: done = csm_softmax_f16(isa, xh, yh, count, n, stride, Float(q.beta))
            case .logSoftmax: done = csm_log_softmax_f16(isa, xh, yh, count, n, stride, Float(q.beta))
            case .softmaxVJP:
                done = csm_softmax_vjp_f16(isa, xh, g!.assumingMemoryBound(to: UInt16.self), yh, count, n, stride,
                                           Float(q.beta))
            }
        } else {
            let xd = x.assumingMemoryBound(to: Double.self), yd = y.assumingMemoryBound(to: Double.self)
            switch entry {
            case .softmax, .softmaxStreamed: done = csm_softmax_f64(isa, xd, yd, count, n, stride, Double(q.beta))
            case .logSoftmax: done = csm_log_softmax_f64(isa, xd, yd, count, n, stride, Double(q.beta))
            case .softmaxVJP:
                done = csm_softmax_vjp_f64(isa, xd, g!.assumingMemoryBound(to: Double.self), yd, count, n, stride,
                                           Double(q.beta))
            }
        }
        return rows.lowerBound + done
    }
}
