/// The softmax Jacobian J_ij = β·s_i·(δ_ij − s_j), n×n row-major, from the algorithm's own softmax.
///
/// The softmax is written to the last row first and read from there, so the output buffer is the only
/// memory used besides n complements. - Complexity: O(n²).
enum JacobianKernel<S: KernelStorage> {
    static func run(_ a: KernelAlgorithm, _ x: UnsafePointer<S>, _ y: UnsafeMutablePointer<S>, _ n: Int,
                    beta: S.Accumulator, masked: FullyMaskedRow) {
        guard n > 0 else { return }
        let last = y + (n - 1) * n
        KernelDriver<S>.softmaxRow(a, x, last, n, beta: beta, masked: masked)
        let b = Double(beta)
        // 1 − s_i: for the one entry that may exceed 1/2 (a dominant logit), the sum of the others,
        // since 1 − s_i computed from a rounded s_i ≈ 1 would keep none of its digits.
        var complements = [Double](repeating: 0, count: 0)
        complements.reserveCapacity(n)
        for i in 0..<n {
            let si = Double(last[i])
            complements.append(si > 0.5 ? (0..<n).reduce(0.0) { $1 == i ? $0 : $0 + Double(last[$1]) } : 1 - si)
        }
        for i in 0..<(n - 1) {
            let si = Double(last[i])
            for j in 0..<n { y[i * n + j] = S(b * si * (i == j ? complements[i] : -Double(last[j]))) }
        }
        let sl = Double(last[n - 1])
        for j in 0..<n { last[j] = S(b * sl * (j == n - 1 ? complements[n - 1] : -Double(last[j]))) }
    }
}
