"""Our side for the activations: each input's value, decided in every rounding mode at once, at
128 bits first and doubling (Ziv) while a mode is undecided."""

import math
from fractions import Fraction

import mpmath
from mpmath import mp

from .activation_exact import limit, negative_beside_zero, piecewise
from .activation_params import PIECEWISE
from .decide import GUARD, end_value, exact_out, gap_exponent, interval_ends
from .ieee import NAN, bits, round_q
from .model_activation import smooth

START_PRECISION = 128
MAX_PRECISION = 1 << 15
ZERO_AT_ZERO = ("tanh", "elu", "selu", "swish", "silu", "gelu", "gelu-tanh", "mish")


def decide_modes(out, P, f, modes):
    """{mode: the float `out` rounds to, or None when P bits do not decide it}."""
    if isinstance(out, float):
        return {m: out for m in modes}
    A, v, mag = out
    if not mag:
        n = end_value(A, v, -(1 << 62))
        return {m: round_q(*n, f, m) for m in modes}
    lo, hi = interval_ends(v, mpmath.ldexp(mag, -(P - GUARD)))
    ge = gap_exponent(A, f)
    n1, n2 = end_value(A, lo, ge), end_value(A, hi, ge)
    decided = {}
    for m in modes:
        r1, r2 = round_q(*n1, f, m), round_q(*n2, f, m)
        decided[m] = r1 if bits(r1) == bits(r2) else None
    return decided


def is_exact_zero(out):
    return not isinstance(out, float) and out[0] == 0 and not out[2] and not out[1]


def value(fn, p, x):
    """f(x) (x a float) at mp.prec bits: (A, v, mag) or a float (NaN, signed infinity or zero)."""
    if math.isinf(x):
        lim = limit(fn, p, x < 0)
        return lim if isinstance(lim, float) else exact_out(lim)
    q = Fraction(x)
    if fn in PIECEWISE:
        return exact_out(piecewise(fn, q, p))
    if x == 0 and fn in ZERO_AT_ZERO:
        return exact_out(0)
    if x == 0 and fn == "exponential":
        return exact_out(1)
    return smooth(fn, q, p)


def expected(fn, p, f, x, modes):
    """({mode: our float}, working precision, the value at it); a mode maps to None when even
    MAX_PRECISION bits do not decide it."""
    if x != x:
        return {m: NAN for m in modes}, 0, NAN
    P = START_PRECISION
    result = {}
    while True:
        with mp.workprec(P):
            out = value(fn, p, x)
            if x == 0 and is_exact_zero(out):
                zero = -0.0 if negative_beside_zero(fn, p, math.copysign(1, x) < 0) else 0.0
                return {m: zero for m in modes}, P, out
            if fn == "hard-swish" and x < 0 and is_exact_zero(out):  # x * 0 below -3 keeps x's sign
                return {m: -0.0 for m in modes}, P, out
            todo = [m for m in modes if result.get(m) is None]
            result.update(decide_modes(out, P, f, todo))
        if all(result[m] is not None for m in modes) or P >= MAX_PRECISION:
            return result, P, out
        P *= 2
