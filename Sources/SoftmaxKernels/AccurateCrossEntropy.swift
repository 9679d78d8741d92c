/// Cross-entropy from logits for the `simd` algorithm (and for rows the scalar kernels hand over):
/// loss = Σ_{q_i ≠ 0} q_i·(ln Σ − (t_i − t_max)), every term ≥ 0, so nothing cancels; gradient
/// β·(s·Σq − q). Computed by ``DoubleFallbackRow`` in `Double`.
///
/// Non-finite rows follow the "limit" policy: NaN (or a fully −inf row) gives NaN loss and gradient;
/// with +inf logits the loss is Σ q_i·ln k over the k entries at +inf and +inf if q has mass elsewhere.
enum AccurateCrossEntropy<S: KernelStorage> {
    static func run(_ x: UnsafePointer<S>, label: Int?, target: UnsafePointer<S>?, grad: UnsafeMutablePointer<S>?,
                    _ n: Int, beta: S.Accumulator) -> S {
        @inline(__always) func q(_ i: Int) -> Double { label.map { $0 == i ? 1 : 0 } ?? Double(target![i]) }
        let b = Double(beta)
        switch RowClass(x, count: n, beta: beta) {
        case .empty:
            return 0
        case .nan, .allNegativeInfinity:
            grad?.update(repeating: .nan, count: n)
            return .nan
        case .positiveInfinities(let k):
            var loss = CompensatedSum(), mass = CompensatedSum()
            for i in 0..<n where q(i) != 0 {
                mass.add(q(i))
                loss.add(RowClass.isPlusInfinity(x[i], beta: beta) ? q(i) * Double.cLog(Double(k)) : .infinity)
            }
            if let grad {
                for i in 0..<n {
                    let s = RowClass.isPlusInfinity(x[i], beta: beta) ? 1 / Double(k) : 0
                    grad[i] = S(b * (s * mass.value - q(i)))
                }
            }
            return S(loss.value)
        case .finite:
            let row = DoubleFallbackRow(x, count: n, beta: beta)
            var loss = CompensatedSum(), mass = CompensatedSum()
            for i in 0..<n where q(i) != 0 {
                mass.add(q(i))
                loss.add(-q(i) * row.logSoftmax(x[i]))
            }
            if let grad {
                for i in 0..<n { grad[i] = S(b * (row.softmax(x[i]) * mass.value - q(i))) }
            }
            return S(loss.value)
        }
    }
}
