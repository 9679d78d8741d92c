/// The members of the softmax family the reference computes.
public enum ReferenceFunction: String, CaseIterable, Sendable, Codable {
    /// s_i = e^(t_i) / Σ_j e^(t_j), with t = β·ln(b)·x.
    case softmax
    /// ln s_i = t_i - LSE(t).
    case logSoftmax = "log-softmax"
    /// LSE(t) = ln Σ_j e^(t_j): one value per row.
    case logSumExp = "logsumexp"
    /// σ(t_i) = 1 / (1 + e^(-t_i)), elementwise; equal to softmax([x_i, 0])_0.
    case sigmoid
    /// J_ij = ∂s_i/∂x_j = c·s_i·(δ_ij - s_j) with c = β·ln b: n×n values, row-major.
    case jacobian
    /// Cross-entropy from logits: loss = -Σ q_i ln s_i (q one-hot for a class label), and its
    /// gradient with respect to x, c·(s·Σq - q).
    case crossEntropy = "cross-entropy"
    /// The softmax vector-Jacobian product c·s ⊙ (v - ⟨v, s⟩) for a vector v; J is symmetric, so
    /// this is also J·v: what an implementation that never materialises J offers.
    case softmaxVJP = "softmax-vjp"
}
