"""The parameters of an activation resolved in a format: given decimals rounded to nearest in it,
and the defaults (leaky-relu's alpha is 0.01 rounded to nearest; relu's alpha 0; other alphas and
the betas 1; threshold 0; no max_value)."""

from fractions import Fraction

from .ieee import round_frac

SMOOTH = ["tanh", "softplus", "log-sigmoid", "exponential", "elu", "selu", "swish", "silu", "gelu",
          "gelu-tanh", "mish"]
PIECEWISE = ["softsign", "relu", "relu6", "leaky-relu", "hard-sigmoid", "hard-swish", "linear"]
ACTIVATIONS = ["tanh", "softplus", "log-sigmoid", "softsign", "exponential", "elu", "selu", "swish",
               "silu", "gelu", "gelu-tanh", "mish", "relu", "relu6", "leaky-relu", "hard-sigmoid",
               "hard-swish", "linear"]

# SELU's constants (Klambauer et al. 2017) as the exact decimals the definition names.
SELU_ALPHA = Fraction("1.6732632423543772848170429916717")
SELU_LAMBDA = Fraction("1.0507009873554804934193349852946")
GELU_CUBIC = Fraction(44715, 1000000)

# The request keys of each parameter and the functions taking it.
TAKES = {"alpha": ("elu", "leaky-relu", "relu"), "beta": ("softplus", "swish", "silu"),
         "max_value": ("relu",), "threshold": ("relu",)}


class Params:
    """alpha, beta, threshold as Fractions and max_value as a Fraction or None, for function fn in
    format f, from `given` (request key -> decimal string)."""

    def __init__(self, fn, f, given):
        def value(key, default):
            if key not in given:
                return default
            return Fraction(round_frac(Fraction(given[key]), f, "nearest"))

        default_alpha = {"leaky-relu": Fraction(round_frac(Fraction(1, 100), f, "nearest")),
                         "relu": Fraction(0)}.get(fn, Fraction(1))
        self.alpha = value("alpha", default_alpha)
        self.beta = value("beta", Fraction(1))
        self.threshold = value("threshold", Fraction(0))
        self.max_value = value("max_value", None)
