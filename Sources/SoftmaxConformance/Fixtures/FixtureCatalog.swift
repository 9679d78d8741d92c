import Multiprecision
import SoftmaxReference

/// Every golden case, by function: the examples of the seed articles by name, then the
/// places where implementations break.
public enum FixtureCatalog {
    public static let all: [FixtureDefinition] = softmax + logSoftmax + logSumExp + sigmoid + jacobian + crossEntropy + softmaxVJP
        + ReferenceFunction.allCases.flatMap(nonFinite) + activations

    static let seedRow = ["1", "2", "3", "4", "1", "2", "3"]
    static let overflowRow = ["123", "456", "789"]
    /// A period of 17 values for long rows: the row repeats it, and so do the outputs.
    static let period = (0..<17).map { String(Double($0 - 8) * 0.75) }

    static let softmax: [FixtureDefinition] = [
        FixtureDefinition("seed002-wikipedia", .softmax, "softmax([1, 2, 3, 4, 1, 2, 3]): most of the weight goes where the 4 was",
                          source: "seed 002: the Wikipedia example", input: seedRow).with {
            $0.printed = [
                PrintedValues(by: "article text, three decimals (seed 002)", format: .binary64,
                              values: ["0.024", "0.064", "0.175", "0.475", "0.024", "0.064", "0.175"]),
                PrintedValues(by: "NumPy, np.exp(a) / np.sum(np.exp(a)) (seed 002)", format: .binary64,
                              values: ["0.02364054", "0.06426166", "0.1746813", "0.474833", "0.02364054", "0.06426166", "0.1746813"]),
                PrintedValues(by: "Julia, exp.(A) ./ sum(exp, A) (seed 002)", format: .binary64,
                              values: ["0.0236405", "0.0642617", "0.174681", "0.474833", "0.0236405", "0.0642617", "0.174681"]),
                PrintedValues(by: "R, exp(z)/sum(exp(z)) (seed 002)", format: .binary64,
                              values: ["0.02364054", "0.06426166", "0.17468130", "0.47483300", "0.02364054", "0.06426166", "0.17468130"]),
                PrintedValues(by: "Raku, naive map (seed 002)", format: .binary64,
                              values: ["0.023640543021591385", "0.06426165851049616", "0.17468129859572226", "0.4748329997443803",
                                       "0.023640543021591385", "0.06426165851049616", "0.17468129859572226"]),
            ]
        },
        FixtureDefinition("seed002-scale-not-invariant", .softmax, "softmax([0.1, ..., 0.3]): scaling the input by 1/10 changes the result; 0.169 < 0.4/1.6",
                          source: "seed 002: the Wikipedia example", input: ["0.1", "0.2", "0.3", "0.4", "0.1", "0.2", "0.3"]).with {
            $0.printed = [PrintedValues(by: "article text, three decimals (seed 002)", format: .binary64,
                                        values: ["0.125", "0.138", "0.153", "0.169", "0.125", "0.138", "0.153"])]
        },
        FixtureDefinition("seed002-whole-tensor", .softmax, "softmax over a whole 2x2 tensor [[1, 2], [3, 4]], flattened",
                          source: "seed 002: the Elixir Nx example", input: ["1", "2", "3", "4"]).with {
            $0.shape = [2, 2]
            $0.printed = [PrintedValues(by: "Elixir Nx, f64 (seed 002)", format: .binary64,
                                        values: ["0.03205860328008499", "0.08714431874203257", "0.23688281808991013", "0.6439142598879722"])]
        },
        FixtureDefinition("seed003-order-preserved", .softmax, "softmax([1, 2, 5]): order is preserved and the maximum stands out",
                          source: "seed 003: La fonction softmax et ses dérivées", input: ["1", "2", "5"]).with {
            $0.printed = [PrintedValues(by: "article text, two decimals, last one truncated (seed 003)", format: .binary64,
                                        values: ["0.02", "0.05", "0.93"])]
        },
        FixtureDefinition("seed003-overflow", .softmax, "softmax([123, 456, 789]): exp(789) overflows a naive implementation; the max-shifted one is fine",
                          source: "seeds 003 and 004: the overflow example", input: overflowRow).with {
            $0.printed = [
                PrintedValues(by: "NumPy, naive exp/sum (seed 004)", format: .binary64, values: ["0", "0", "nan"]),
                PrintedValues(by: "NumPy, max-shifted, my_round(p, 3) (seed 003)", format: .binary64, values: ["5.75e-290", "2.40e-145", "1.00"]),
                PrintedValues(by: "NumPy, max-shifted (seed 004)", format: .binary64, values: ["5.75274406e-290", "2.39848787e-145", "1.00000000e+000"]),
            ]
        },
        FixtureDefinition("seed004-tensorflow", .softmax, "softmax([2, 3, 5]) in float32: the exponential spreads the values apart",
                          source: "seed 004: the TensorFlow example", input: ["2", "3", "5"]).with {
            $0.printed = [PrintedValues(by: "TensorFlow 2.0 tf.nn.softmax, float32 (seed 004)", format: .binary32,
                                        values: ["0.04201007", "0.11419519", "0.8437947"])]
        },
        FixtureDefinition("seed000-translation-invariance", .softmax, "softmax(x + 1000) = softmax(x) for x = [1, 2, 3]: the shift trick",
                          source: "seed 000: Tout savoir sur l'activation Softmax", input: ["1001", "1002", "1003"]),
        FixtureDefinition("ties-three", .softmax, "three equal logits: exactly 1/3 each", source: "edge case: ties", input: ["2", "2", "2"]),
        FixtureDefinition("ties-seven", .softmax, "seven equal logits: exactly 1/7 each", source: "edge case: ties", input: Array(repeating: "-5", count: 7)),
        FixtureDefinition("near-tie", .softmax, "two logits one binary64 ulp apart (equal once rounded to 16 bits)", source: "edge case: near-ties", input: ["1", "0x1.0000000000001p+0"]),
        FixtureDefinition("spread-1000", .softmax, "a spread of 1000: the small output underflows every format", source: "edge case: huge spreads", input: ["0", "-1000"]),
        FixtureDefinition("spread-symmetric-1e4", .softmax, "logits ±1e4", source: "edge case: huge spreads", input: ["-1e4", "1e4"]),
        FixtureDefinition("subnormal-output-f64", .softmax, "e^-745 / (1 + e^-745) lies in binary64's subnormal range", source: "edge case: underflowing outputs", input: ["0", "-745"]),
        FixtureDefinition("subnormal-output-f32", .softmax, "e^-100 / (1 + e^-100) lies in binary32's subnormal range", source: "edge case: underflowing outputs", input: ["0", "-100"]),
        FixtureDefinition("subnormal-output-f16", .softmax, "e^-16 / (1 + e^-16) lies in binary16's subnormal range", source: "edge case: underflowing outputs", input: ["0", "-16"]),
        FixtureDefinition("subnormal-inputs", .softmax, "the least binary64 subnormal and its negative", source: "edge case: subnormal inputs", input: ["0x1p-1074", "-0x1p-1074"]),
        FixtureDefinition("signed-zeros", .softmax, "+0 and -0 are equal logits", source: "edge case: signed zero", input: ["0", "-0"]),
        FixtureDefinition("mask-partial", .softmax, "a -inf logit is masked out: its probability is 0", source: "edge case: -inf masks", input: ["-inf", "0", "1"]),
        FixtureDefinition("mask-full", .softmax, "a fully masked row has no limit: NaN", source: "edge case: -inf masks", input: ["-inf", "-inf"]),
        FixtureDefinition("plus-inf-one", .softmax, "one +inf logit takes everything", source: "edge case: +inf logits", input: ["inf", "0", "5"]),
        FixtureDefinition("plus-inf-two", .softmax, "two +inf logits share 1", source: "edge case: +inf logits", input: ["inf", "1", "inf"]),
        FixtureDefinition("nan", .softmax, "a NaN poisons the row", source: "edge case: NaN", input: ["nan", "1"]),
        FixtureDefinition("singleton", .softmax, "n = 1 gives [1]", source: "edge case: n = 1", input: ["3.5"]),
        FixtureDefinition("empty", .softmax, "an empty row gives an empty result", source: "edge case: empty", input: []),
        FixtureDefinition("long-periodic", .softmax, "10,200 logits: 17 values repeated 600 times (outputs repeat too; one period is stored)",
                          source: "edge case: long rows", input: period).with { $0.repeatCount = 600 },
        FixtureDefinition("long-equal", .softmax, "10,000 equal logits: 1e-4 each; a float16 running sum stalls at 256",
                          source: "edge case: long rows, low-precision accumulation", input: ["1"]).with { $0.repeatCount = 10_000 },
        FixtureDefinition("beta-zero", .softmax, "β = 0 gives the uniform distribution", source: "edge case: β = 0", input: ["1", "2", "3"]).with { $0.beta = "0" },
        FixtureDefinition("beta-negative", .softmax, "β = -1 favours the smallest logit (the min convention of statistical mechanics)",
                          source: "seed 002: negative β, the Gibbs distribution", input: ["1", "2", "3"]).with { $0.beta = "-1" },
        FixtureDefinition("beta-large", .softmax, "β = 100 approaches the one-hot argmax", source: "seed 000: softmax approximates argmax", input: ["1", "2", "3"]).with { $0.beta = "100" },
        FixtureDefinition("beta-large-tie", .softmax, "β = 100 with a tied maximum tends to 1/2 each for the tie", source: "seed 000: softmax approximates argmax", input: ["3", "1", "3"]).with { $0.beta = "100" },
        FixtureDefinition("beta-tiny", .softmax, "β = 1e-10 is nearly uniform", source: "edge case: tiny β", input: ["1", "2", "3"]).with { $0.beta = "1e-10" },
        FixtureDefinition("base-2", .softmax, "base 2: [2, 1, 1] / 4 = [1/2, 1/4, 1/4] exactly", source: "seed 002: a base b other than e", input: ["1", "0", "0"]).with { $0.base = "2" },
        FixtureDefinition("base-10", .softmax, "base 10 concentrates more than base e", source: "seed 002: a base b other than e", input: ["1", "2", "3"]).with { $0.base = "10" },
        FixtureDefinition("format-max-f16", .softmax, "binary16's largest finite value against 0", source: "edge case: inputs at the format's max", input: ["65504", "0"]),
        FixtureDefinition("format-max-f64", .softmax, "±binary64's largest finite value", source: "edge case: inputs at the format's max", input: ["1.7976931348623157e308", "-1.7976931348623157e308"]),
    ]

    static let logSoftmax: [FixtureDefinition] = [
        FixtureDefinition("seed002-wikipedia", .logSoftmax, "log-softmax of the Wikipedia row", source: "seed 002: the Wikipedia example", input: seedRow),
        FixtureDefinition("seed003-dominant", .logSoftmax, "log-softmax([123, 456, 789])[2] = -ln(1 + e^-333 + e^-666) ≈ -2.4e-145: needs log1p",
                          source: "seeds 003 and 004: the overflow example", input: overflowRow),
        FixtureDefinition("mask-partial", .logSoftmax, "masked entries get -inf", source: "edge case: -inf masks", input: ["-inf", "0", "1"]),
        FixtureDefinition("plus-inf-three", .logSoftmax, "three +inf logits: -ln 3 each", source: "edge case: +inf logits", input: ["inf", "inf", "inf", "0"]),
        FixtureDefinition("singleton", .logSoftmax, "n = 1 gives [0]", source: "edge case: n = 1", input: ["-7.25"]),
        FixtureDefinition("empty", .logSoftmax, "an empty row gives an empty result", source: "edge case: empty", input: []),
        FixtureDefinition("spread-1000", .logSoftmax, "a spread of 1000", source: "edge case: huge spreads", input: ["0", "-1000"]),
        FixtureDefinition("near-tie", .logSoftmax, "two logits one binary64 ulp apart", source: "edge case: near-ties", input: ["1", "0x1.0000000000001p+0"]),
        FixtureDefinition("long-periodic", .logSoftmax, "10,200 logits: 17 values repeated 600 times", source: "edge case: long rows", input: period).with { $0.repeatCount = 600 },
        FixtureDefinition("beta-negative", .logSoftmax, "β = -2", source: "edge case: negative β", input: ["0.5", "-1", "2"]).with { $0.beta = "-2" },
    ]

    static let logSumExp: [FixtureDefinition] = [
        FixtureDefinition("small", .logSumExp, "LSE([1, 2, 3]) = 3 + ln(1 + e^-1 + e^-2)", source: "seed 004: the max-shift identity", input: ["1", "2", "3"]),
        FixtureDefinition("seed003-overflow", .logSumExp, "LSE([123, 456, 789]) = 789 + ln(1 + e^-333 + e^-666)", source: "seeds 003 and 004: the overflow example", input: overflowRow),
        FixtureDefinition("overflow-pair", .logSumExp, "LSE([1e308, 1e308]) = 1e308 + ln 2: no overflow", source: "edge case: inputs at the format's max", input: ["1e308", "1e308"]),
        FixtureDefinition("far-tail", .logSumExp, "LSE([1e308, -1e308]) = 1e308 + e^-2e308", source: "edge case: huge spreads", input: ["1e308", "-1e308"]),
        FixtureDefinition("ties-negative", .logSumExp, "LSE([-1000, -1000]) = -1000 + ln 2", source: "edge case: ties", input: ["-1000", "-1000"]),
        FixtureDefinition("mask-full", .logSumExp, "a fully masked row: ln 0 = -inf", source: "edge case: -inf masks", input: ["-inf", "-inf"]),
        FixtureDefinition("empty", .logSumExp, "an empty sum is 0 and ln 0 = -inf", source: "edge case: empty", input: []),
        FixtureDefinition("singleton", .logSumExp, "n = 1: LSE([x]) = x", source: "edge case: n = 1", input: ["0.1"]),
        FixtureDefinition("plus-inf", .logSumExp, "a +inf logit gives +inf", source: "edge case: +inf logits", input: ["inf", "0"]),
        FixtureDefinition("long-equal", .logSumExp, "10,000 zeros: ln 10000", source: "edge case: long rows", input: ["0"]).with { $0.repeatCount = 10_000 },
        FixtureDefinition("base-2", .logSumExp, "base 2, β = 1: ln(2^3 + 2^1) = ln 10", source: "seed 002: a base b other than e", input: ["3", "1"]).with { $0.base = "2" },
    ]

    static let sigmoid: [FixtureDefinition] = [
        FixtureDefinition("seed000-link", .sigmoid, "σ(x) = softmax([x, 0])_0: sigmoid is softmax for two classes", source: "seed 000: Lien avec la fonction sigmoïde",
                          input: ["-20", "-1", "0", "1", "20"]),
        FixtureDefinition("tails", .sigmoid, "accurate on both tails", source: "edge case: huge magnitudes", input: ["-745", "-100", "-17", "17", "40", "100", "745"]),
        FixtureDefinition("specials", .sigmoid, "σ(±inf) = 1, 0; σ(nan) = nan; σ(±0) = 1/2", source: "edge case: non-finite inputs", input: ["inf", "-inf", "nan", "0", "-0"]),
        FixtureDefinition("subnormal", .sigmoid, "σ of subnormals is 1/2 to every precision here", source: "edge case: subnormal inputs", input: ["0x1p-1074", "-0x1p-1074"]),
        FixtureDefinition("beta", .sigmoid, "β = 2 and base 2", source: "seed 001: x·σ(βx) (swish) uses a scaled sigmoid", input: ["-1", "0.5", "3"]).with { $0.beta = "2"; $0.base = "2" },
    ]

    static let jacobian: [FixtureDefinition] = [
        FixtureDefinition("seed003-small", .jacobian, "J_ij = S_i(δ_ij - S_j) for a = [1, 2, 5]", source: "seed 003: la dérivée de Softmax", input: ["1", "2", "5"]),
        FixtureDefinition("uniform-pair", .jacobian, "[0, 0]: [[1/4, -1/4], [-1/4, 1/4]] exactly", source: "seed 003: la dérivée de Softmax", input: ["0", "0"]),
        FixtureDefinition("seed003-overflow", .jacobian, "the Jacobian at [123, 456, 789]: tiny entries must not be flushed", source: "seeds 003 and 004: the overflow example", input: overflowRow),
        FixtureDefinition("singleton", .jacobian, "n = 1: [[0]]", source: "edge case: n = 1", input: ["2"]),
        FixtureDefinition("masked", .jacobian, "a masked entry has zero row and column", source: "edge case: -inf masks", input: ["-inf", "0", "1"]),
        FixtureDefinition("beta", .jacobian, "β = 2 doubles the Jacobian of 2x", source: "edge case: β", input: ["0.5", "-0.5", "1"]).with { $0.beta = "2" },
    ]

    static let crossEntropy: [FixtureDefinition] = [
        FixtureDefinition("seed004-fused-label", .crossEntropy, "cross-entropy from logits with a class label, the fused form TensorFlow recommends (outputs: loss, then gradient)",
                          source: "seed 004: categorical_crossentropy(from_logits=True)", input: ["1", "2", "3"]).with { $0.label = 2 },
        FixtureDefinition("target-distribution", .crossEntropy, "a target distribution [1/4, 1/4, 1/2]", source: "edge case: soft targets", input: ["1", "2", "3"]).with { $0.target = ["0.25", "0.25", "0.5"] },
        FixtureDefinition("seed003-overflow-label", .crossEntropy, "label 0 at [123, 456, 789]: loss 666 + ln(1 + e^-333 + e^-666)", source: "seeds 003 and 004: the overflow example", input: overflowRow).with { $0.label = 0 },
        FixtureDefinition("confident", .crossEntropy, "the right class dominates: the loss is tiny and needs log1p", source: "edge case: one dominant logit", input: ["0", "50"]).with { $0.label = 1 },
        FixtureDefinition("masked-label", .crossEntropy, "the label's logit is -inf: infinite loss", source: "edge case: -inf masks", input: ["-inf", "0"]).with { $0.label = 0 },
        FixtureDefinition("beta", .crossEntropy, "β = 0.5 scales the gradient too", source: "edge case: β", input: ["1", "-1", "2"]).with { $0.label = 1; $0.beta = "0.5" },
    ]

    static let softmaxVJP: [FixtureDefinition] = [
        FixtureDefinition("seed003-vjp", .softmaxVJP, "v·J at a = [1, 2, 5] for v = [1, 0, 0]: the first row of seed 003's Jacobian",
                          source: "seed 003: la dérivée de Softmax", input: ["1", "2", "5"]).with { $0.vector = ["1", "0", "0"] },
        FixtureDefinition("readme-example", .softmaxVJP, "c·s ⊙ (v − ⟨v, s⟩) at [1, 2, 3] for v = [1, 0, 0]", source: "edge case: a one-hot vector",
                          input: ["1", "2", "3"]).with { $0.vector = ["1", "0", "0"] },
        FixtureDefinition("cancelling-ties", .softmaxVJP, "equal logits with v = [1, 1, 1]: exactly 0 (v − ⟨v, s⟩ cancels)",
                          source: "edge case: ties", input: ["2", "2", "2"]).with { $0.vector = ["1", "1", "1"] },
        FixtureDefinition("seed003-overflow", .softmaxVJP, "the product at [123, 456, 789]: tiny entries must not be flushed",
                          source: "seeds 003 and 004: the overflow example", input: overflowRow).with { $0.vector = ["1", "-1", "0.5"] },
        FixtureDefinition("beta", .softmaxVJP, "β = 2 doubles the product of 2x", source: "edge case: β",
                          input: ["0.5", "-0.5", "1"]).with { $0.beta = "2"; $0.vector = ["0.25", "-1", "3"] },
        FixtureDefinition("singleton", .softmaxVJP, "n = 1: [0]", source: "edge case: n = 1", input: ["2"]).with { $0.vector = ["5"] },
        FixtureDefinition("empty", .softmaxVJP, "an empty row gives an empty result", source: "edge case: empty", input: []).with { $0.vector = [] },
    ]
}
