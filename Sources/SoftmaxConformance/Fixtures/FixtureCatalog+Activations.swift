import SoftmaxReference

extension FixtureCatalog {
    /// The cases of every activation: the same edge rows for each (signed zeros and each format's
    /// least subnormals, the kinks, the points where each format saturates or overflows, the
    /// format maxima, ±inf and NaN), seed 001's formulas by name, and the parameters.
    static let activations: [FixtureDefinition] = Activation.allCases.flatMap { edges($0) + seed001($0) + parameters($0) }

    /// ±0, then ± the least subnormal of binary64, binary32, bfloat16 and binary16, and binary16's least normal.
    static let zerosAndSubnormals = ["0", "-0", "0x1p-1074", "-0x1p-1074", "0x1p-149", "-0x1p-149", "0x1p-133", "-0x1p-133",
                                     "0x1p-24", "-0x1p-24", "0x1p-14", "-0x1p-14"]
    /// The kinks of relu6, hard-sigmoid and hard-swish (±3, ±6), and small integers and halves.
    static let kinks = ["-6", "-3", "-2", "-1", "-0.5", "0.5", "1", "2", "3", "6"]
    /// Values straddling where the formats saturate: tanh(x) rounds to 1 from about 3.5 (bfloat16),
    /// 4.5 (binary16), 9.1 (binary32) and 19.1 (binary64); e^x overflows past ln 65504 ≈ 11.09
    /// (binary16), ln(max) ≈ 88.72 (binary32, bfloat16) and 709.78 (binary64), and underflows below
    /// about -17.33, -103.97 and -745.13.
    static let saturation = ["3.5", "4.5", "9.1", "19.1", "-19.1", "11.08", "11.1", "-17.32", "-17.34", "88.72", "88.73",
                             "-103.97", "-103.98", "709.78", "709.79", "-745.13", "-745.14"]
    /// The largest finite values of binary16, bfloat16, binary32 and binary64, of both signs (each
    /// larger one is +inf in the narrower formats).
    static let formatMaxima = ["65504", "-65504", "3.3895313892515355e38", "-3.3895313892515355e38",
                               "3.4028234663852886e38", "-3.4028234663852886e38", "1.7976931348623157e308", "-1.7976931348623157e308"]

    /// The edge rows of `activation`, each a case of its own so that the finite rows are judged for
    /// accuracy and the non-finite one for conventions.
    static func edges(_ activation: Activation) -> [FixtureDefinition] {
        let name = activation.rawValue
        return [
            FixtureDefinition("zeros-and-subnormals", activation, "\(name) at ±0 (the sign of a zero result follows f beside 0) and at each format's least subnormal",
                              source: "edge case: signed zeros and subnormal inputs", input: zerosAndSubnormals),
            FixtureDefinition("kinks", activation, "\(name) at ±0.5, ±1, ±2, ±3 and ±6 (the kinks of relu6 and the hard functions)",
                              source: "edge case: small values and kinks", input: kinks),
            FixtureDefinition("saturation", activation, "\(name) on both sides of each format's saturation, overflow and underflow points of tanh and e^x",
                              source: "edge case: saturation and binary16 overflow", input: saturation),
            FixtureDefinition("format-max", activation, "\(name) at ± each format's largest finite value", source: "edge case: inputs at the format's max",
                              input: formatMaxima),
            FixtureDefinition("non-finite", activation, "\(name) at +inf and -inf (its limits) and NaN", source: "edge case: ±inf and NaN",
                              input: ["inf", "-inf", "nan"]),
        ]
    }

    /// Seed 001's formulas (the Keras activations article), by the names it gives them, on the
    /// article's values 13 and 54 and a few around 0.
    static func seed001(_ activation: Activation) -> [FixtureDefinition] {
        let formula: String
        switch activation {
        case .relu: formula = "fonction_ReLU(x) = max(x, 0)"
        case .softplus: formula = "fonction_Softplus(x) = log(exp(x) + 1)"
        case .softsign: formula = "fonction_Softsign(x) = x / (abs(x) + 1)"
        case .tanh: formula = "fonction_tanh(x) = (exp(x) - exp(-x))/(exp(x) + exp(-x))"
        case .elu: formula = "fonction_ELU(x) = x if x > 0, alpha * (exp(x) - 1) otherwise, alpha = 1"
        case .selu: formula = "fonction_SELU(x) = scale * ELU_alpha(x), alpha ≈ 1.67326324, scale ≈ 1.05070098 (exact decimals here)"
        case .exponential: formula = "tf.keras.activations.exponential(x) = exp(x)"
        case .swish: formula = "maFonction(x, beta) = x * sigmoid(beta * x), beta = 1"
        default: return []
        }
        let id = activation == .swish ? "seed001-mafonction" : "seed001-\(activation.rawValue)"
        return [FixtureDefinition(id, activation, formula, source: "seed 001: Fonctions d'activation (Keras)",
                                  input: ["-13", "-2", "-1", "-0.25", "0.25", "1", "2", "13", "54"])]
    }

    /// The parameters: softplus' and swish's β, elu's and leaky-relu's α, Keras' relu arguments.
    static func parameters(_ activation: Activation) -> [FixtureDefinition] {
        let row = ["-20", "-3", "-1", "-0.25", "0", "0.25", "1", "3", "20"]
        func with(_ id: String, _ description: String, _ change: (inout FixtureDefinition) -> Void) -> FixtureDefinition {
            FixtureDefinition(id, activation, description, source: "edge case: parameters", input: row).with(change)
        }
        switch activation {
        case .softplus:
            return [with("beta-2", "softplus with β = 2: ln(1 + e^(2x))/2") { $0.beta = "2" },
                    with("beta-negative", "softplus with β = -1: -softplus(-x), a negative function") { $0.beta = "-1" }]
        case .swish:
            return [with("seed001-mafonction-beta-2", "maFonction(x, beta = 2) of seed 001") { $0.beta = "2" },
                    with("beta-zero", "swish with β = 0 is x/2") { $0.beta = "0" },
                    with("beta-negative", "swish with β = -1: x·σ(-x)") { $0.beta = "-1" }]
        case .elu:
            return [with("alpha-half", "elu with α = 0.5") { $0.alpha = "0.5" }]
        case .leakyRelu:
            return [with("alpha-keras", "leaky-relu with Keras' default slope 0.2") { $0.alpha = "0.2" }]
        case .relu:
            return [with("seed001-max-value", "Keras relu(x, max_value = 6) of seed 001") { $0.maxValue = "6" },
                    with("seed001-threshold", "Keras relu(x, threshold = 1): x for x > 1, else 0") { $0.threshold = "1" },
                    with("negative-slope", "Keras relu(x, negative_slope = 0.1, max_value = 2, threshold = -1)") {
                        $0.alpha = "0.1"; $0.maxValue = "2"; $0.threshold = "-1"
                    }]
        default:
            return []
        }
    }
}
