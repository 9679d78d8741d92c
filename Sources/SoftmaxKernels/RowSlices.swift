import Dispatch
internal import CSoftmaxSIMD

/// Softmax of rows too few for the threads, but long: each row split into one slice per thread, in
/// three parallel phases over the C loops (the slices' maxima, then their exps and sums from the row's
/// maximum, then the scaling by 1/Σ), so a single row of 10⁶ logits uses every core. A Float row into
/// another buffer first tries two phases, as the one-thread loops do: its exps taken unshifted with no
/// max, kept if their Σ says so (`csm_unshifted_inverse_f32`), then the scaling. Float and Double at
/// finite β > 0; a row whose maximum is not finite (or, in Double, that holds a NaN) goes to the
/// one-thread path, which applies the "limit" policy.
enum RowSlices {
    /// How a split row was computed, so that tests can tell the phases that ran.
    enum Outcome: Equatable, Sendable {
        /// Its exps taken unshifted, with no max, and kept (Float into another buffer).
        case unshifted
        /// Its exps taken after the shift by the row's max.
        case shifted
        /// Left to the one-thread path: its max is not finite (or, in Double, it holds a NaN).
        case declined
    }

    /// Rows at least this long are split.
    static var minimumLength: Int { 1 << 17 }

    /// Whether `q` is run here: the `simd` softmax on a CPU with the C loops, fewer rows than threads,
    /// rows of at least ``minimumLength``.
    static func applies<S: SoftmaxScalar>(_ q: _KernelRequest<S>) -> Bool {
        q.function == .softmax && q.algorithm == .simd && q.isa > 0 && q.threads > 1 && q.shape.rows < q.threads
            && q.shape.columns >= minimumLength && (S.self == Float.self || S.self == Double.self)
            && q.beta > 0 && q.beta.isFinite
    }

    /// Runs every row of `q`, each over `q.threads` slices.
    static func run<S: KernelStorage>(_ q: _KernelRequest<S>) {
        for r in 0..<q.shape.rows {
            let outcome = S.self == Float.self ? floatRow(q as! _KernelRequest<Float>, r) : doubleRow(q as! _KernelRequest<Double>, r)
            if outcome == .declined { KernelDriver.runRow(q, r) }
        }
    }

    /// Slice k of a row of n over `count` slices, its start a multiple of 64 elements.
    static func slice(_ k: Int, of count: Int, _ n: Int) -> Range<Int> {
        func start(_ j: Int) -> Int { j == count ? n : (n * j / count) & ~63 }
        return start(k)..<start(k + 1)
    }

    /// Row r of a Float request over its threads' slices.
    static func floatRow(_ q: _KernelRequest<Float>, _ r: Int) -> Outcome {
        let n = q.shape.columns, count = q.threads, isa = q.isa, beta = Float(q.beta)
        let x = q.x + r * q.shape.rowStride, y = q.y! + r * q.shape.rowStride
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * count) { ranges in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { sums in
                let rp = SharedPointer(ranges.baseAddress!), sp = SharedPointer(sums.baseAddress!)
                let xp = SharedPointer(UnsafeMutablePointer(mutating: x)), yp = SharedPointer(y)
                func scale(by total: Double) {
                    DispatchQueue.concurrentPerform(iterations: count) { k in
                        let s = slice(k, of: count, n)
                        _ = csm_slice_scale_f32(isa, yp.pointer + s.lowerBound, s.count, total)
                    }
                }
                if UnsafePointer(y) != x {  // x stays intact for the shifted phases if the exps are not kept
                    DispatchQueue.concurrentPerform(iterations: count) { k in
                        let s = slice(k, of: count, n)
                        sp.pointer[k] = csm_slice_unshifted_f32(isa, xp.pointer + s.lowerBound, yp.pointer + s.lowerBound,
                                                                s.count, beta)
                    }
                    let total = (0..<count).reduce(0.0) { $0 + sums[$1] }
                    if csm_unshifted_inverse_f32(Float(1 / total)) != 0 {
                        scale(by: total)
                        return .unshifted
                    }
                }
                DispatchQueue.concurrentPerform(iterations: count) { k in
                    let s = slice(k, of: count, n)
                    _ = csm_slice_range_f32(isa, xp.pointer + s.lowerBound, s.count, rp.pointer + 2 * k, rp.pointer + 2 * k + 1)
                }
                // A NaN dropped here still makes the row NaN: the Float exp keeps NaN lanes NaN.
                let max = (0..<count).reduce(-Float.infinity) { Swift.max($0, ranges[2 * $1]) }
                let min = (0..<count).reduce(Float.infinity) { Swift.min($0, ranges[2 * $1 + 1]) }
                guard max.isFinite else { return .declined }
                DispatchQueue.concurrentPerform(iterations: count) { k in
                    let s = slice(k, of: count, n)
                    sp.pointer[k] = csm_slice_exp_f32(isa, xp.pointer + s.lowerBound, yp.pointer + s.lowerBound, s.count,
                                                      max, min, beta)
                }
                scale(by: (0..<count).reduce(0.0) { $0 + sums[$1] })
                return .shifted
            }
        }
    }

    /// Row r of a Double request over its threads' slices.
    static func doubleRow(_ q: _KernelRequest<Double>, _ r: Int) -> Outcome {
        let n = q.shape.columns, count = q.threads, isa = q.isa, beta = q.beta
        let x = q.x + r * q.shape.rowStride, y = q.y! + r * q.shape.rowStride
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * count) { values in
            let vp = SharedPointer(values.baseAddress!)
            let xp = SharedPointer(UnsafeMutablePointer(mutating: x)), yp = SharedPointer(y)
            DispatchQueue.concurrentPerform(iterations: count) { k in
                let s = slice(k, of: count, n)
                // A NaN makes the slice's answer 0, read as a NaN maximum: the one-thread path's row.
                if csm_slice_max_f64(isa, xp.pointer + s.lowerBound, s.count, vp.pointer + k) == 0 { vp.pointer[k] = .nan }
            }
            guard !(0..<count).contains(where: { values[$0].isNaN }) else { return .declined }
            let max = (0..<count).reduce(-Double.infinity) { Swift.max($0, values[$1]) }
            guard max.isFinite else { return .declined }
            DispatchQueue.concurrentPerform(iterations: count) { k in
                let s = slice(k, of: count, n)
                vp.pointer[count + k] = csm_slice_exp_f64(isa, xp.pointer + s.lowerBound, yp.pointer + s.lowerBound,
                                                          s.count, max, beta)
            }
            let total = (0..<count).reduce(0.0) { $0 + values[count + $1] }
            DispatchQueue.concurrentPerform(iterations: count) { k in
                let s = slice(k, of: count, n)
                _ = csm_slice_scale_f64(isa, yp.pointer + s.lowerBound, s.count, total)
            }
            return .shifted
        }
    }
}
