"""What is known exactly of an activation: the piecewise rational functions as Fractions, the
values at +-inf (limits, derived here from the formulas), and the sign of an exact 0 at a +-0
input (the sign of f just beside 0 on that side)."""

from fractions import Fraction

from .activation_params import PIECEWISE, SELU_ALPHA, SELU_LAMBDA
from .ieee import INF

ZERO = Fraction(0)


def hard_sigmoid(x):
    return min(max((x + 3) / 6, ZERO), Fraction(1))


def relu(x, p):
    """Keras 3: with t the threshold, x*[x > t] (max(x, 0) when t = 0), clipped to [0, max_value]
    by min(max(., 0), max_value) when a maximum is given, minus alpha * max(t - x, 0)."""
    t = p.threshold
    positive = max(x, ZERO) if t == 0 else (x if x > t else ZERO)
    if p.max_value is not None:
        positive = min(max(positive, ZERO), p.max_value)
    return positive - p.alpha * max(t - x, ZERO)


def piecewise(fn, x, p):
    """f(x) exactly for a piecewise rational fn at a finite Fraction x."""
    if fn == "softsign":
        return x / (1 + abs(x))
    if fn == "relu":
        return relu(x, p)
    if fn == "relu6":
        return min(max(x, ZERO), Fraction(6))
    if fn == "leaky-relu":
        return x if x >= 0 else p.alpha * x
    if fn == "hard-sigmoid":
        return hard_sigmoid(x)
    if fn == "hard-swish":
        return x * hard_sigmoid(x)
    if fn == "linear":
        return x
    raise ValueError(fn)


def signed_inf(negative):
    return -INF if negative else INF


def limit(fn, p, negative):
    """f at +inf (negative False) or -inf: a float (a signed infinity or zero) or a Fraction."""
    s = -1 if negative else 1
    if fn in ("tanh", "softsign"):
        return Fraction(s)
    if fn == "softplus":  # ln(1 + e^(bx))/b: x at the far end where bx -> +inf, else 0 with b's sign
        if (p.beta > 0) != negative:
            return signed_inf(negative)
        return -0.0 if p.beta < 0 else 0.0
    if fn == "log-sigmoid":  # -ln(1 + e^-x)
        return -INF if negative else -0.0
    if fn == "exponential":
        return 0.0 if negative else INF
    if fn in ("elu", "selu"):
        scale = SELU_LAMBDA if fn == "selu" else Fraction(1)
        alpha = SELU_ALPHA if fn == "selu" else p.alpha
        return -scale * alpha if negative else INF
    if fn in ("swish", "silu"):  # x*sigmoid(bx): x/2 for b = 0, x where bx -> +inf, 0 (x's sign) else
        if p.beta == 0 or (p.beta > 0) != negative:
            return signed_inf(negative)
        return -0.0 if negative else 0.0
    if fn in ("gelu", "gelu-tanh", "mish"):  # x * (a factor tending to 1 at +inf, to 0+ at -inf)
        return -0.0 if negative else INF
    if fn == "relu":
        if not negative:
            return INF if p.max_value is None else p.max_value
        floor = ZERO if p.max_value is None else min(ZERO, p.max_value)  # the clipped positive part
        if p.alpha == 0:
            return floor
        return signed_inf(p.alpha > 0)  # - alpha * (t - x)
    if fn == "relu6":
        return 0.0 if negative else Fraction(6)
    if fn == "leaky-relu":
        if not negative:
            return INF
        return 0.0 if p.alpha == 0 else signed_inf(p.alpha > 0)
    if fn == "hard-sigmoid":
        return 0.0 if negative else Fraction(1)
    if fn == "hard-swish":  # x * 0 below -3: -0
        return -0.0 if negative else INF
    if fn == "linear":
        return signed_inf(negative)
    raise ValueError(fn)


PROBE = Fraction(1, 1 << 1200)  # below every format's least subnormal: no piece boundary in (0, PROBE]


def negative_beside_zero(fn, p, negative):
    """Whether f < 0 just beside 0 on the side of a -0 (negative) or +0 input, where f(0) = 0."""
    if fn in PIECEWISE:
        return piecewise(fn, -PROBE if negative else PROBE, p) < 0
    if fn in ("tanh", "swish", "silu", "gelu", "gelu-tanh", "mish"):  # x times a positive factor
        return negative
    if fn == "elu":  # x on the right, alpha * (e^x - 1) on the left
        return negative and p.alpha > 0
    if fn == "selu":
        return negative
    return False  # f(0) != 0: softplus, log-sigmoid, exponential
