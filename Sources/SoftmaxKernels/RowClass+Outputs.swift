// What each function returns for a row the "limit" policy decides without arithmetic, and the
// hand-over to ``DoubleFallbackRow`` for a `.finite` row that the fast code could not finish.

extension RowClass {
    /// Writes softmax of a row of this class; returns false for `.finite` (nothing written).
    func writeSoftmax<S: KernelStorage>(_ x: UnsafePointer<S>, _ y: UnsafeMutablePointer<S>, _ n: Int,
                                        beta: S.Accumulator, masked: FullyMaskedRow) -> Bool {
        switch self {
        case .empty: return true
        case .finite: return false
        case .nan: y.update(repeating: .nan, count: n)
        case .allNegativeInfinity: y.update(repeating: masked == .zeros ? 0 : .nan, count: n)
        case .positiveInfinities(let k):
            let share = S(1 / Double(k))
            for i in 0..<n { y[i] = RowClass.isPlusInfinity(x[i], beta: beta) ? share : 0 }
        }
        return true
    }

    /// Writes log-softmax of a row of this class; returns false for `.finite`.
    func writeLogSoftmax<S: KernelStorage>(_ x: UnsafePointer<S>, _ y: UnsafeMutablePointer<S>, _ n: Int,
                                           beta: S.Accumulator, masked: FullyMaskedRow) -> Bool {
        switch self {
        case .empty: return true
        case .finite: return false
        case .nan: y.update(repeating: .nan, count: n)
        case .allNegativeInfinity: y.update(repeating: masked == .zeros ? -.infinity : .nan, count: n)
        case .positiveInfinities(let k):
            let share = S(-Double.cLog(Double(k)))
            for i in 0..<n { y[i] = RowClass.isPlusInfinity(x[i], beta: beta) ? share : -.infinity }
        }
        return true
    }

    /// LogSumExp of a row of this class, or nil for `.finite`.
    var logSumExp: Double? {
        switch self {
        case .empty, .allNegativeInfinity: -.infinity
        case .nan: .nan
        case .positiveInfinities: .infinity
        case .finite: nil
        }
    }
}

extension DoubleFallbackRow {
    static func softmax(_ x: UnsafePointer<S>, _ y: UnsafeMutablePointer<S>, _ n: Int,
                        beta: S.Accumulator, masked: FullyMaskedRow) {
        let c = RowClass(x, count: n, beta: beta)
        if c.writeSoftmax(x, y, n, beta: beta, masked: masked) { return }
        let row = DoubleFallbackRow(x, count: n, beta: beta)
        for i in 0..<n { y[i] = S(row.softmax(x[i])) }
    }

    static func logSoftmax(_ x: UnsafePointer<S>, _ y: UnsafeMutablePointer<S>, _ n: Int,
                           beta: S.Accumulator, masked: FullyMaskedRow) {
        let c = RowClass(x, count: n, beta: beta)
        if c.writeLogSoftmax(x, y, n, beta: beta, masked: masked) { return }
        let row = DoubleFallbackRow(x, count: n, beta: beta)
        for i in 0..<n { y[i] = S(row.logSoftmax(x[i])) }
    }

    static func logSumExp(_ x: UnsafePointer<S>, _ n: Int, beta: S.Accumulator) -> S {
        if let special = RowClass(x, count: n, beta: beta).logSumExp { return S(special) }
        return S(DoubleFallbackRow(x, count: n, beta: beta).logSumExp)
    }
}
