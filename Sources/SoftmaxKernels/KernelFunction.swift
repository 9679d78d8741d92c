/// The members of the softmax family the kernels compute, named as the reference names them.
public enum KernelFunction: String, CaseIterable, Sendable, Codable {
    /// s_i = e^(t_i) / Σ_j e^(t_j), with t = β·x.
    case softmax
    /// ln s_i = t_i − LSE(t).
    case logSoftmax = "log-softmax"
    /// LSE(t) = ln Σ_j e^(t_j), one value per row.
    case logSumExp = "logsumexp"
    /// σ(t_i) = 1 / (1 + e^(−t_i)), elementwise.
    case sigmoid
    /// The vector–Jacobian product of softmax: β·s ⊙ (g − ⟨g, s⟩).
    case softmaxVJP = "softmax-vjp"
    /// The vector–Jacobian product of log-softmax: β·(g − s·Σg), from the log-softmax output.
    case logSoftmaxVJP = "log-softmax-vjp"
    /// Cross-entropy from logits, −Σ q_i ln s_i, with its gradient β·(s·Σq − q).
    case crossEntropy = "cross-entropy"
    /// J_ij = β·s_i·(δ_ij − s_j), n×n row-major.
    case jacobian
}
