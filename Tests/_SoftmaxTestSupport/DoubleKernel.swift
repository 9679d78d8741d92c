import Foundation
import Multiprecision
import SoftmaxConformance
import SoftmaxReference

/// A plain max-shifted softmax family computed in binary64 and rounded to the request's format:
/// a decent implementation for the harness to pass, and the base the deliberately broken mutants
/// of the teeth tests are made from (each replaces one function).
public struct DoubleKernel: Implementation {
    public typealias Row = @Sendable (_ x: [Double], _ beta: Double) -> [Double]
    public let name: String
    public var softmax: Row = DoubleKernel.maxShiftedSoftmax
    public var logSoftmax: Row = DoubleKernel.maxShiftedLogSoftmax
    public var logSumExp: Row = { x, beta in [DoubleKernel.lse(x, beta)] }
    public var sigmoid: Row = { x, beta in x.map { DoubleKernel.maxShiftedSoftmax([$0, 0], beta)[0] } }
    /// J_ij = β·s_i(δ_ij − s_j), with 1 − s_i summed from the other weights (no cancellation);
    /// from the limits of s directly when the row's max is not finite.
    public var jacobian: Row = { x, beta in
        let s = DoubleKernel.maxShiftedSoftmax(x, beta)
        let t = x.map { $0 * beta }, m = t.max() ?? 0
        guard m.isFinite, !t.contains(where: \.isNaN) else {
            return s.indices.flatMap { i in s.indices.map { j in beta * s[i] * ((i == j ? 1 : 0) - s[j]) } }
        }
        let e = t.map { Foundation.exp($0 - m) }
        let total = e.reduce(0, +)
        return s.indices.flatMap { i in
            s.indices.map { j in
                i == j ? beta * s[i] * (e.indices.filter { $0 != i }.map { e[$0] }.reduce(0, +) / total) : -beta * s[i] * s[j]
            }
        }
    }
    /// Cross-entropy with the label in the middle of the row: [loss, gradient...].
    public var crossEntropy: @Sendable (_ x: [Double], _ beta: Double, _ label: Int) -> [Double] = { x, beta, label in
        let s = DoubleKernel.maxShiftedSoftmax(x, beta)
        let ls = DoubleKernel.maxShiftedLogSoftmax(x, beta)
        return [-ls[label]] + s.indices.map { beta * (s[$0] - ($0 == label ? 1 : 0)) }
    }

    /// The softmax VJP β·s ⊙ (v − ⟨v, s⟩) for a vector v (also J·v).
    public var softmaxVJP: @Sendable (_ x: [Double], _ beta: Double, _ v: [Double]) -> [Double] = { x, beta, v in
        let s = DoubleKernel.maxShiftedSoftmax(x, beta)
        let dot = zip(v, s).map { $0 * $1 }.reduce(0, +)
        return s.indices.map { beta * s[$0] * (v[$0] - dot) }
    }

    /// The activations, by default ``DoubleActivations/careful(_:)``; a mutant replaces one.
    public var activations: [Activation: DoubleActivations.Function] =
        Dictionary(uniqueKeysWithValues: Activation.allCases.map { ($0, DoubleActivations.careful($0)) })

    public init(name: String) { self.name = name }

    public func evaluate(_ requests: [ImplementationRequest]) -> [ImplementationAnswer] {
        requests.map { r in
            let x = r.input.map(\.double), beta = r.beta.double
            let out: [Double] = switch r.function {
            case .family(.softmax): softmax(x, beta)
            case .family(.logSoftmax): logSoftmax(x, beta)
            case .family(.logSumExp): logSumExp(x, beta)
            case .family(.sigmoid): sigmoid(x, beta)
            case .family(.jacobian): jacobian(x, beta)
            case .family(.crossEntropy): crossEntropy(x, beta, r.label ?? 0)
            case .family(.softmaxVJP): softmaxVJP(x, beta, (r.vector ?? []).map(\.double))
            case .activation(let a):
                { let f = activations[a]!, p = DoubleActivations.Parameters(a, r); return x.map { f($0, p) } }()
            }
            return .values(out.map { DoubleKernel.round($0, r.format) })
        }
    }

    /// A binary64 value rounded to nearest in `format` (NaN and infinities kept).
    public static func round(_ v: Double, _ format: FloatFormat) -> FloatValue {
        if v.isNaN { return .nan(format) }
        if v.isInfinite { return .infinity(format, negative: v < 0) }
        return format.round(FloatValue(v).dyadic!, .toNearestOrEven)
    }

    public static func maxShiftedSoftmax(_ x: [Double], _ beta: Double) -> [Double] {
        if x.contains(where: \.isNaN) { return x.map { _ in .nan } }
        let t = x.map { $0 * beta }
        guard let m = t.max(), m > -.infinity else { return x.map { _ in .nan } }
        if m == .infinity {
            let k = Double(t.filter { $0 == .infinity }.count)
            return t.map { $0 == .infinity ? 1 / k : 0 }
        }
        let e = t.map { Foundation.exp($0 - m) }
        let sum = e.reduce(0, +)
        return e.map { $0 / sum }
    }

    /// t_i − max − ln(1 + Σ_{j≠argmax} e^(t_j − max)): log1p keeps a dominant logit's digits.
    /// The limits where that is undefined: NaN for a NaN or an all −inf row, −ln k and −inf for k
    /// entries at +inf.
    public static func maxShiftedLogSoftmax(_ x: [Double], _ beta: Double) -> [Double] {
        let t = x.map { $0 * beta }
        if t.contains(where: \.isNaN) || (!t.isEmpty && t.allSatisfy { $0 == -.infinity }) { return t.map { _ in .nan } }
        if t.contains(.infinity) {
            let k = Double(t.filter { $0 == .infinity }.count)
            return t.map { $0 == .infinity ? -Foundation.log(k) : -.infinity }
        }
        guard let m = t.max(), let top = t.firstIndex(of: m) else { return [] }
        let others = t.indices.filter { $0 != top }.map { Foundation.exp(t[$0] - m) }.reduce(0, +)
        return t.map { $0 - m - Foundation.log1p(others) }
    }

    /// ln Σ e^(t_i): NaN with a NaN, +inf with a +inf entry, −inf for an empty or all −inf row.
    public static func lse(_ x: [Double], _ beta: Double) -> Double {
        let t = x.map { $0 * beta }
        if t.contains(where: \.isNaN) { return .nan }
        guard let m = t.max(), m.isFinite else { return t.max() ?? -.infinity }
        // The maximum's term is 1: log1p of the others keeps LSE([0, -27]) ≈ e^-27 accurate.
        let top = t.firstIndex(of: m)!
        return m + Foundation.log1p(t.indices.filter { $0 != top }.map { Foundation.exp(t[$0] - m) }.reduce(0, +))
    }
}
