"""IEEE 754 formats and the correct rounding of exact rationals: this package's own code, written
independently of the Swift reference and of tools/softmaxref_tools (the oracle must not share it)."""

import math
import struct
from fractions import Fraction


class Fmt:
    def __init__(self, name, precision, emax):
        self.name = name
        self.p = precision
        self.emax = emax
        self.emin = 1 - emax
        self.qmin = self.emin - (precision - 1)  # exponent of the least subnormal
        self.qmax = emax - (precision - 1)  # exponent of the ulp of the largest binade
        self.max_finite = math.ldexp((1 << precision) - 1, self.qmax)
        self.min_sub = math.ldexp(1, self.qmin)


FORMATS = {
    "f16": Fmt("f16", 11, 15),
    "bf16": Fmt("bf16", 8, 127),
    "f32": Fmt("f32", 24, 127),
    "f64": Fmt("f64", 53, 1023),
}
MODES = ["nearest", "down", "up", "toward-zero"]

INF = float("inf")
NAN = float("nan")


def floor_log2(num, den):
    """floor(log2(num/den)) for positive integers."""
    e = num.bit_length() - den.bit_length()
    if e >= 0:
        if num < (den << e):
            e -= 1
    elif (num << -e) < den:
        e -= 1
    return e


def round_q(num, den, f, mode):
    """num/den (den > 0) correctly rounded to format f in mode, as a Python float.

    IEEE 754: subnormals, signed zero for a nonzero value that rounds to zero, overflow to inf or
    to the largest finite value by mode. An exact zero gives +0.
    """
    if num == 0:
        return 0.0
    neg = num < 0
    a = -num if neg else num
    e = floor_log2(a, den)
    qe = max(e, f.emin) - (f.p - 1)
    if qe >= 0:
        d2 = den << qe
        n, r = divmod(a, d2)
    else:
        d2 = den
        n, r = divmod(a << -qe, den)
    if r:
        if mode == "nearest":
            t = 2 * r - d2
            inc = t > 0 or (t == 0 and (n & 1) == 1)
        elif mode == "up":
            inc = not neg
        elif mode == "down":
            inc = neg
        else:
            inc = False
        if inc:
            n += 1
    if n == 0:
        return -0.0 if neg else 0.0
    if n >> f.p:  # carried into the next binade
        n >>= 1
        qe += 1
    if qe > f.qmax:  # beyond the largest finite value
        if mode == "nearest":
            big = INF
        elif mode == "toward-zero":
            big = f.max_finite
        elif mode == "up":
            big = f.max_finite if neg else INF
        else:
            big = INF if neg else f.max_finite
        return -big if neg else big
    v = math.ldexp(n, qe)
    return -v if neg else v


def round_frac(x, f, mode):
    return round_q(x.numerator, x.denominator, f, mode)


def bits(x):
    if x != x:
        return "nan"
    return struct.pack("<d", x)


def hexf(x):
    if x != x:
        return "nan"
    if x == INF:
        return "inf"
    if x == -INF:
        return "-inf"
    return x.hex()


def in_fmt(x, f):
    """x (a float) rounded to nearest in f."""
    if x != x or math.isinf(x) or x == 0:
        return x
    return round_frac(Fraction(x), f, "nearest")


def next_up(x, f):
    return round_frac(Fraction(x) + Fraction(1, 1 << (1 - f.qmin)), f, "up")


def next_down(x, f):
    return round_frac(Fraction(x) - Fraction(1, 1 << (1 - f.qmin)), f, "down")
