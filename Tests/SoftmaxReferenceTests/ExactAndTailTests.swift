import Multiprecision
import SoftmaxConformance
import SoftmaxReference
import Foundation
import Testing

/// Exact results of rational powers of a base, cancelling VJP and cross-entropy sums, and far
/// tails bounded instead of evaluated: every one decided in every rounding mode, never `undecided`.
@Suite struct ExactAndTailTests {
    static let modes: [FloatingPointRoundingRule] = [.toNearestOrEven, .down, .up, .towardZero]

    static func values(_ xs: [Double], _ format: FloatFormat = .binary64) -> [FloatValue] {
        xs.map { format.round(Rational(FloatValue($0).dyadic!), .toNearestOrEven) }
    }

    /// The rounding of a value in (0, ε) (sign 1) or (-ε, 0) (sign -1), ε below every least
    /// subnormal: ±0, or the least subnormal when the mode rounds away from 0 on that side.
    static func tiny(_ sign: Int, _ format: FloatFormat, _ mode: FloatingPointRoundingRule) -> FloatValue {
        let least = format.round(Dyadic.powerOfTwo(format.leastSubnormalExponent), .toNearestOrEven)
        if sign > 0 { return mode == .up ? least : .zero(format) }
        return mode == .down ? format.round(-Dyadic.powerOfTwo(format.leastSubnormalExponent), .toNearestOrEven)
                             : .zero(format, negative: true)
    }

    @Test("LSE in base 9 of [-0.5, -0.5, -0.5] is ln(3·9^(-1/2)) = ln 1 = 0, in every format and mode", arguments: FloatFormat.all)
    func logSumExpBaseNine(format: FloatFormat) throws {
        // README: LSE = ln Σ e^(t_j), t = β·ln(b)·x; here Σ e^(-0.5·ln 9) = 3·9^(-1/2) = 3/3 = 1.
        for mode in Self.modes {
            let x = Self.values([-0.5, -0.5, -0.5], format)
            let lse = try Reference.logSumExp(x, base: FloatValue(9.0), format: format, rounding: mode)
            #expect(lse == .zero(format) || lse == .zero(format, negative: true))
            #expect(lse.dyadic == .zero)
        }
    }

    @Test("softmax in base 9 of [0.5, 0] is [3/4, 1/4]: 9^(1/2) = 3 is recognised", arguments: FloatFormat.all)
    func softmaxBaseNine(format: FloatFormat) throws {
        // 9^0.5 / (9^0.5 + 9^0) = 3/4 and 1/4, both exact in every format.
        for mode in Self.modes {
            let s = try Reference.softmax(Self.values([0.5, 0], format), base: FloatValue(9.0), format: format, rounding: mode)
            #expect(s.map(\.double) == [0.75, 0.25])
            // Base 4, β = 1/2: 4^(x/2) = 2^x, so [3, 1, 0] gives [8, 2, 1]/11 (not dyadic: rounded as the rational).
            let t = try Reference.softmax(Self.values([3, 1, 0], format), beta: FloatValue(0.5), base: FloatValue(4.0),
                                          format: format, rounding: mode)
            #expect(t == [8, 2, 1].map { format.round(Rational(BigInt($0), BigInt(11)), mode) })
            // Base 1/4, β = 1/2: (1/4)^(x/2) = 2^-x, so [0, 1] gives [2/3, 1/3].
            let u = try Reference.softmax(Self.values([0, 1], format), beta: FloatValue(0.5), base: FloatValue(0.25),
                                          format: format, rounding: mode)
            #expect(u == [format.round(Rational(2, 3), mode), format.round(Rational(1, 3), mode)])
        }
    }

    @Test("softmax-vjp in base 2 with gaps of 2^15 and 10^6: the signs of tiny outputs decide every mode")
    func vjpHugeGaps() throws {
        // s ≈ [1, 2^-g, 2^-(g+1)], ⟨v, s⟩ = s_1 - s_2 ≈ 2^-(g+1) > 0, c = ln 2 > 0:
        // out_0 = c·s_0·(0 - ⟨v, s⟩) < 0, out_1 = c·s_1·(1 - ⟨v, s⟩) > 0, out_2 = c·s_2·(-1 - ⟨v, s⟩) < 0,
        // each of magnitude about 2^-g, far below the least subnormal. Base 1/2 on -x has the same
        // s but c = -ln 2 < 0, which flips every sign.
        for (gap, base) in [(50000.0, 2.0), (1_000_000, 2), (1_000_000, 9), (1e300, 0.5)] {
            let x = base > 1 ? [gap, 0, -1] : [-gap, 0, 1]   // base 1/2 favours the smallest logit
            for format in [FloatFormat.binary64, .binary32] {
                for mode in Self.modes {
                    let out = try Reference.softmaxVJP(Self.values(x), vector: Self.values([0, 1, -1]), base: FloatValue(base),
                                                       format: format, rounding: mode)
                    let c = base > 1 ? 1 : -1
                    #expect(out == [Self.tiny(-c, format, mode), Self.tiny(c, format, mode), Self.tiny(-c, format, mode)],
                            "gap \(gap) base \(base) \(format) \(mode)")
                }
            }
        }
    }

    @Test("softmax-vjp that cancels exactly within the rational weights is 0, with a far tail deciding the sign")
    func vjpCancellation() throws {
        // Base 2, x = [1, 0, -1]: s = [4/7, 2/7, 1/7]; v = [0, 1, -2]: ⟨v, s⟩ = 2/7 - 2/7 = 0, so out_0 = 0.
        // Adding x_3 = -10^7 with v_3 = 5: ⟨v, s⟩ = 5·s_3 > 0, out_0 = -c·s_0·5·s_3 < 0 and out_3 = c·s_3·(5 - ⟨v, s⟩) > 0.
        for mode in Self.modes {
            let exact = try Reference.softmaxVJP(Self.values([1, 0, -1]), vector: Self.values([0, 1, -2]), base: FloatValue(2.0),
                                                 format: .binary64, rounding: mode)
            #expect(exact[0] == .zero(.binary64))
            let tail = try Reference.softmaxVJP(Self.values([1, 0, -1, -1e7]), vector: Self.values([0, 1, -2, 5]), base: FloatValue(2.0),
                                                format: .binary64, rounding: mode)
            #expect(tail[0] == Self.tiny(-1, .binary64, mode))
            #expect(tail[3] == Self.tiny(1, .binary64, mode))
            #expect(tail[1] == exact[1] && tail[2] == exact[2])
        }
    }

    @Test("softmax-vjp that cancels within one irrational class of weights (base 2, half-integer gaps) is 0")
    func vjpCancellationInIrrationalClass() throws {
        // Base 2, x = [1, 0.5, -0.5]: weights 1, 2^-0.5, 2^-1.5 = 2^-0.5/2, so s_1 = 2·s_2 (irrational both);
        // v = [0, 1, -2]: ⟨v, s⟩ = s_1 - 2·s_2 = 0, so out_0 = c·s_0·(0 - 0) = 0, out_1 = c·s_1 and
        // out_2 = -2c·s_2 = -out_1 (c = ln 2).
        for mode in Self.modes {
            let out = try Reference.softmaxVJP(Self.values([1, 0.5, -0.5]), vector: Self.values([0, 1, -2]), base: FloatValue(2.0),
                                               format: .binary64, rounding: mode)
            #expect(out[0].dyadic == .zero, "\(mode)")
            let opposite = try Reference.softmaxVJP(Self.values([1, 0.5, -0.5]), vector: Self.values([0, 1, -2]), base: FloatValue(2.0),
                                                    format: .binary64, rounding: mode == .up ? .down : mode == .down ? .up : mode)
            #expect(out[2].dyadic.map { -$0 } == opposite[1].dyadic, "\(mode): out_2 = -out_1")
        }
    }

    @Test("A rational weight far below the others joins the far tails: softmax_9 of [43648, 52288, 5.5] in every mode")
    func tinyRationalWeightWithAnIrrationalOne() throws {
        // Base 9: w = [9^-8640 (rational, about 2^-27388), 1, 9^-52282.5 (irrational)], so s_0 and s_2 lie in
        // (0, 2^-27000) and s_1 in (1 - 2^-27000, 1): each decided from its side in every mode. Held
        // exactly, 9^-8640 would need 27,388 bits for s_1 and reach the 32,768-bit cap in directed modes
        // (a row of crosscheck-mpmath, seed 1).
        for format in [FloatFormat.binary16, .binary64] {
            let belowOne = format.round(Dyadic.one, .toNearestOrEven).nextDown
            for mode in Self.modes {
                let s = try Reference.softmax(Self.values([43648, 52288, 5.5], format), base: FloatValue(9.0), format: format, rounding: mode)
                #expect(s[0] == Self.tiny(1, format, mode) && s[2] == Self.tiny(1, format, mode), "\(format) \(mode)")
                let expected = mode == .down || mode == .towardZero ? belowOne : format.round(Dyadic.one, .toNearestOrEven)
                #expect(s[1] == expected, "\(format) \(mode)")
            }
        }
    }

    @Test("Cross-entropy losses that are exact: Σq = 0 cancels ln S; a product of rational powers equal to 1")
    func exactLosses() throws {
        for mode in Self.modes {
            // -(ln s_0 - ln s_1) = -(x_0 - x_1) = -1 for target [1, -1] on [1, 0].
            let a = try Reference.crossEntropy(Self.values([1, 0]), target: Self.values([1, -1]), format: .binary64, rounding: mode)
            #expect(a.loss.double == -1)
            // Base 2, [1, 0, 0]: s = [1/2, 1/4, 1/4]; target [-2, 1, 0]: 2·ln(1/2) - ln(1/4) = 0.
            let b = try Reference.crossEntropy(Self.values([1, 0, 0]), target: Self.values([-2, 1, 0]), base: FloatValue(2.0),
                                               format: .binary64, rounding: mode)
            #expect(b.loss.dyadic == .zero)
            // A far tail: label 0 on [0, -10^6] in base 2 is ln(1 + 2^-10^6) in (0, ε); its gradient
            // c·(s_0 - 1) in (-ε, 0) and c·s_1 in (0, ε).
            let c = try Reference.crossEntropy(Self.values([0, -1e6]), label: 0, base: FloatValue(2.0), format: .binary64, rounding: mode)
            #expect(c.loss == Self.tiny(1, .binary64, mode))
            #expect(c.gradient == [Self.tiny(-1, .binary64, mode), Self.tiny(1, .binary64, mode)])
        }
    }

    @Test("Cross-entropy losses of 0 with a non-integer Σq, and losses that are only a far tail's trace")
    func zeroLossesWithFractionsAndTails() throws {
        for mode in Self.modes {
            // Base 2, [0, -1, -1]: s = [1/2, 1/4, 1/4]; target [-1/2, 1/4, 0]:
            // -(-1/2·ln(1/2) + 1/4·ln(1/4)) = -(1/2·ln 2 - 1/2·ln 2) = 0, with Σq = -1/4.
            let a = try Reference.crossEntropy(Self.values([0, -1, -1]), target: Self.values([-0.5, 0.25, 0]), base: FloatValue(2.0),
                                               format: .binary64, rounding: mode)
            #expect(a.loss.dyadic == .zero)
            // With a fourth logit -10^6: S = 2 + 2^-10^6 and the loss is
            // (1/4)·ln 2 - (1/4)·ln(2 + 2^-10^6) = -(1/4)·ln(1 + 2^-(10^6+1)) in (-ε, 0).
            let b = try Reference.crossEntropy(Self.values([0, -1, -1, -1e6]), target: Self.values([-0.5, 0.25, 0, 0]),
                                               base: FloatValue(2.0), format: .binary64, rounding: mode)
            #expect(b.loss == Self.tiny(-1, .binary64, mode))
            // Base 2, [1, 0, 0, -10^6], target [-2, 1, 0, 0] (Σq = -1): 2·ln 2 - ln(4 + 2^-10^6)
            // = -ln(1 + 2^-(10^6+2)) in (-ε, 0); in binary32 and bfloat16 too.
            for format in [FloatFormat.binary64, .binary32, .bfloat16] {
                let c = try Reference.crossEntropy(Self.values([1, 0, 0, -1e6], format), target: Self.values([-2, 1, 0, 0], format),
                                                   base: FloatValue(2.0), format: format, rounding: mode)
                #expect(c.loss == Self.tiny(-1, format, mode))
            }
            // The same zero with Σq = -0.1 in binary64 (m ≈ 2^52: X is never formed): target
            // [-0.2, 0.1, 0], since fl(0.2) = 2·fl(0.1) exactly; and with the far tail, in (-ε, 0).
            let e = try Reference.crossEntropy(Self.values([0, -1, -1]), target: Self.values([-0.2, 0.1, 0]), base: FloatValue(2.0),
                                               format: .binary64, rounding: mode)
            #expect(e.loss.dyadic == .zero)
            let f = try Reference.crossEntropy(Self.values([0, -1, -1, -1e6]), target: Self.values([-0.2, 0.1, 0, 0]),
                                               base: FloatValue(2.0), format: .binary64, rounding: mode)
            #expect(f.loss == Self.tiny(-1, .binary64, mode))
            // A cube root: base 27, [0, 0, 0, -10^6], target [-(3·10^6 + 1), 0, 0, 1]. With T = 27^-10^6,
            // loss = 10^6·ln 27 + ln(3 + T) - (3·10^6 + 1)·ln(3 + T) = -3·10^6·ln(1 + T/3) in (-ε, 0):
            // the head 3^(-3·10^6)·27^(10^6) = 1 is recognised through 27 = 3^3.
            let g = try Reference.crossEntropy(Self.values([0, 0, 0, -1e6]), target: Self.values([-3_000_001, 0, 0, 1]),
                                               base: FloatValue(27.0), format: .binary64, rounding: mode)
            #expect(g.loss == Self.tiny(-1, .binary64, mode))
            // Base 9, β = 1/2 (weights 3^x): [1, 0, 0] gives s = [3/5, 1/5, 1/5]; target [1/2, -3/2, 0]
            // (Σq = -1) has loss -(1/2·ln(3/5) - 3/2·ln(1/5)) = -(1/2)·ln 3 - ln 5 ≠ 0: decided as usual.
            let d = try Reference.crossEntropy(Self.values([1, 0, 0]), target: Self.values([0.5, -1.5, 0]), beta: FloatValue(0.5),
                                               base: FloatValue(9.0), format: .binary64, rounding: .toNearestOrEven)
            #expect(abs(d.loss.double - (-0.5 * log(3.0) - log(5.0))) <= 4e-16)
        }
    }

    @Test("Far tails with a base: log-softmax, LSE and the Jacobian of a dominant logit")
    func farTailsWithBase() throws {
        for mode in Self.modes {
            // Base 9: log s_0 = -ln(1 + 2·9^-10^6) in (-ε, 0).
            let ls = try Reference.logSoftmax(Self.values([0, -1e6, -1e6]), base: FloatValue(9.0), format: .binary64, rounding: mode)
            #expect(ls[0] == Self.tiny(-1, .binary64, mode))
            // Base 4, β = 1/2: LSE of [0, -10^6] = ln(1 + 2^-10^6) in (0, ε); base 9 of [-1/2 ×3, -10^6] = ln(1 + 9^-10^6).
            let lse = try Reference.logSumExp(Self.values([0, -1e6]), beta: FloatValue(0.5), base: FloatValue(4.0), format: .binary64, rounding: mode)
            #expect(lse == Self.tiny(1, .binary64, mode))
            let lse9 = try Reference.logSumExp(Self.values([-0.5, -0.5, -0.5, -1e6]), base: FloatValue(9.0), format: .binary64, rounding: mode)
            #expect(lse9 == Self.tiny(1, .binary64, mode))
            // Jacobian, base 9, [0.5, 0, -10^6]: J_22 = c·s_2·(1 - s_2) in (0, ε), J_02 = -c·s_0·s_2 in (-ε, 0).
            let j = try Reference.softmaxJacobian(Self.values([0.5, 0, -1e6]), base: FloatValue(9.0), format: .binary64, rounding: mode)
            #expect(j[2][2] == Self.tiny(1, .binary64, mode))
            #expect(j[0][2] == Self.tiny(-1, .binary64, mode))
        }
    }

    @Test("Sweep: random bases, rational β and logits with huge gaps never leave a rounding undecided")
    func neverUndecided() throws {
        var rng = SplitMix64(seed: SplitMix64.seed(default: 77))
        let bases = [2.0, 4, 8, 9, 0.5, 27, 10]
        let betas = [1.0, 0.5, 0.25, 2, -1, 1.5, -0.75, 3]
        let gaps = [0.0, 0, 0, 40, 50000, 1e6, 1e300]
        let functions: [ReferenceFunction] = [.softmax, .logSoftmax, .logSumExp, .jacobian, .crossEntropy, .softmaxVJP]
        for r in 0..<140 {
            let n = Int.random(in: 2...4, using: &rng)
            let x = (0..<n).map { _ in
                Double(Int.random(in: -8...8, using: &rng)) / 4 - gaps[Int.random(in: 0..<gaps.count, using: &rng)]
            }
            let v = (0..<n).map { _ in Double(Int.random(in: -2...2, using: &rng)) }
            let base = bases[r % bases.count], beta = betas[(r / bases.count) % betas.count]
            let function = functions[r % functions.count]
            let request = try ReferenceRequest(function, input: Self.values(x), beta: FloatValue(beta), base: FloatValue(base),
                                               label: function == .crossEntropy && r % 2 == 0 ? 0 : nil,
                                               target: function == .crossEntropy && r % 2 == 1 ? Self.values(v.map { $0 / 2 }) : nil,
                                               vector: function == .softmaxVJP ? Self.values(v) : nil)
            for mode in Self.modes {
                #expect(throws: Never.self, "\(function) x \(x) v \(v) base \(base) β \(beta) \(mode)") {
                    _ = try Reference.evaluate(request, format: .binary64, rounding: mode)
                }
            }
        }
    }
}
