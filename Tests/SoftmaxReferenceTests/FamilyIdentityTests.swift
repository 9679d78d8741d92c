import Multiprecision
import SoftmaxReference
import Testing
import SoftmaxConformance
import _SoftmaxTestSupport

/// Identities between members of the family that correct rounding turns into bitwise equalities.
@Suite struct FamilyIdentityTests {
    static func randomRows(_ count: Int, seed: UInt64) -> [[FloatValue]] {
        var rng = SplitMix64(seed: SplitMix64.seed(default: seed))
        return (0..<count).map { r in
            (0..<(2 + r % 6)).map { _ in FloatValue(Float.random(in: -30...30, using: &rng)) }
        }
    }

    @Test("sigmoid(x) = softmax([x, 0])_0, bit for bit")
    func sigmoidIsTwoClassSoftmax() throws {
        for row in Self.randomRows(30, seed: 4) {
            for format in FloatFormat.all {
                let sig = try Reference.sigmoid(row, format: format)
                for (i, x) in row.enumerated() {
                    #expect(sig[i] == (try Reference.softmax([x, .zero(.binary32)], format: format))[0])
                }
            }
        }
    }

    @Test("Cross-entropy with a label: loss = -log_softmax[label], gradient = softmax - onehot, bit for bit")
    func crossEntropyIdentities() throws {
        for row in Self.randomRows(30, seed: 5) {
            let label = row.count / 2
            let (loss, gradient) = try Reference.crossEntropy(row, label: label, format: .binary32)
            let ls = try Reference.logSoftmax(row, format: .binary32)
            let s = try Reference.softmax(row, format: .binary32)
            #expect(loss == FloatValue(-Float(ls[label].double)))
            for j in row.indices where j != label { #expect(gradient[j] == s[j]) }
            // With a one-hot target the answer is the same as with the label.
            let target = row.indices.map { FloatValue(Float($0 == label ? 1 : 0)) }
            let viaTarget = try Reference.crossEntropy(row, target: target, format: .binary32)
            #expect(viaTarget.loss == loss && viaTarget.gradient == gradient)
        }
    }

    @Test("The Jacobian is symmetric, its diagonal is s(1-s) and its off-diagonal -s_i s_j")
    func jacobianStructure() throws {
        for row in Self.randomRows(12, seed: 6) {
            let j = try Reference.softmaxJacobian(row, format: .binary64)
            for a in row.indices {
                for b in row.indices { #expect(j[a][b] == j[b][a]) }
                #expect(j[a][a].double >= 0)
            }
            // Against the independent enclosures of s.
            let bounds = IndependentSoftmax.softmax(row.map { Rational($0.dyadic!) })
            for a in row.indices {
                for b in row.indices {
                    let lo = a == b ? bounds[a].lower * (Rational(1) - bounds[a].upper) : -(bounds[a].upper * bounds[b].upper)
                    let hi = a == b ? bounds[a].upper * (Rational(1) - bounds[a].lower) : -(bounds[a].lower * bounds[b].lower)
                    guard let expected = IndependentSoftmax.rounded((lo, hi), .binary64, .toNearestOrEven) else { continue }
                    #expect(j[a][b] == expected, "J[\(a)][\(b)] of \(row.map(\.hexString))")
                }
            }
        }
    }

    @Test("The Jacobian of n = 1 is [0]; with β = 2 it doubles")
    func jacobianScaling() throws {
        #expect(try Reference.softmaxJacobian([FloatValue(5.0)], format: .binary64) == [[.zero(.binary64)]])
        let x = [FloatValue(0.0), FloatValue(0.0)]
        #expect(try Reference.softmaxJacobian(x, format: .binary64).map { $0.map(\.double) } == [[0.25, -0.25], [-0.25, 0.25]])
        #expect(try Reference.softmaxJacobian(x, beta: FloatValue(2.0), format: .binary64).map { $0.map(\.double) } == [[0.5, -0.5], [-0.5, 0.5]])
    }
}
