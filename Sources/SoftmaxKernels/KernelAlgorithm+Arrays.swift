// Array conveniences over the buffer API, for one row. They allocate their result; use the buffer
// methods in loops.

extension KernelAlgorithm {
    @inline(__always)
    func mapRow<T: SoftmaxScalar>(_ x: [T], count: Int? = nil,
                                  _ body: (UnsafeBufferPointer<T>, UnsafeMutableBufferPointer<T>) -> Void) -> [T] {
        [T](unsafeUninitializedCapacity: count ?? x.count) { out, initialized in
            out.initialize(repeating: 0)
            x.withUnsafeBufferPointer { body($0, out) }
            initialized = out.count
        }
    }

    /// Softmax of one row. `KernelAlgorithm.simd.softmax([1, 2, 5] as [Double])` ≈ [0.0171, 0.0466, 0.936].
    public func softmax<T: SoftmaxScalar>(_ x: [T], beta: T.Accumulator = 1, fullyMaskedRow: FullyMaskedRow = .nan) -> [T] {
        mapRow(x) { softmax($0, into: $1, beta: beta, fullyMaskedRow: fullyMaskedRow) }
    }

    /// Log-softmax of one row.
    public func logSoftmax<T: SoftmaxScalar>(_ x: [T], beta: T.Accumulator = 1, fullyMaskedRow: FullyMaskedRow = .nan) -> [T] {
        mapRow(x) { logSoftmax($0, into: $1, beta: beta, fullyMaskedRow: fullyMaskedRow) }
    }

    /// LogSumExp of one row.
    public func logSumExp<T: SoftmaxScalar>(_ x: [T], beta: T.Accumulator = 1) -> T {
        x.withUnsafeBufferPointer { logSumExp($0, beta: beta) }
    }

    /// The sigmoid of every element.
    public func sigmoid<T: SoftmaxScalar>(_ x: [T], beta: T.Accumulator = 1) -> [T] {
        mapRow(x) { sigmoid($0, into: $1, beta: beta) }
    }

    /// The softmax VJP β·s ⊙ (g − ⟨g, s⟩) of one row.
    public func softmaxVJP<T: SoftmaxScalar>(output s: [T], gradient g: [T], beta: T.Accumulator = 1) -> [T] {
        precondition(s.count == g.count, "output and gradient differ in length: \(s.count) vs \(g.count)")
        return g.withUnsafeBufferPointer { gb in mapRow(s) { softmaxVJP(output: $0, gradient: gb, into: $1, beta: beta) } }
    }

    /// The log-softmax VJP β·(g − s·Σg) of one row, from the log-softmax output.
    public func logSoftmaxVJP<T: SoftmaxScalar>(output ls: [T], gradient g: [T], beta: T.Accumulator = 1) -> [T] {
        precondition(ls.count == g.count, "output and gradient differ in length: \(ls.count) vs \(g.count)")
        return g.withUnsafeBufferPointer { gb in mapRow(ls) { logSoftmaxVJP(output: $0, gradient: gb, into: $1, beta: beta) } }
    }

    /// Cross-entropy of one row of logits against a class label: the loss and its gradient.
    public func crossEntropy<T: SoftmaxScalar>(logits x: [T], label: Int, beta: T.Accumulator = 1) -> (loss: T, gradient: [T]) {
        var loss = T.zero
        let gradient = mapRow(x) { xb, gb in
            withUnsafeMutablePointer(to: &loss) { lp in
                [label].withUnsafeBufferPointer { lb in
                    crossEntropy(logits: xb, labels: lb, losses: UnsafeMutableBufferPointer(start: lp, count: 1),
                                 gradients: gb, beta: beta)
                }
            }
        }
        return (loss, gradient)
    }

    /// Cross-entropy of one row of logits against a target distribution: the loss and its gradient.
    public func crossEntropy<T: SoftmaxScalar>(logits x: [T], target q: [T], beta: T.Accumulator = 1) -> (loss: T, gradient: [T]) {
        precondition(x.count == q.count, "logits and target differ in length: \(x.count) vs \(q.count)")
        var loss = T.zero
        let gradient = mapRow(x) { xb, gb in
            withUnsafeMutablePointer(to: &loss) { lp in
                q.withUnsafeBufferPointer { qb in
                    crossEntropy(logits: xb, targets: qb, losses: UnsafeMutableBufferPointer(start: lp, count: 1),
                                 gradients: gb, beta: beta)
                }
            }
        }
        return (loss, gradient)
    }

    /// The softmax Jacobian of one row, as n rows of n.
    public func jacobian<T: SoftmaxScalar>(_ x: [T], beta: T.Accumulator = 1) -> [[T]] {
        let n = x.count
        let flat = mapRow(x, count: n * n) { jacobian($0, into: $1, beta: beta) }
        return (0..<n).map { Array(flat[($0 * n)..<($0 * n + n)]) }
    }
}
