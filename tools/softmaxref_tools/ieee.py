"""IEEE 754 rounding of exact values to binary16, bfloat16, binary32 and binary64, in the four
modes of the protocol, and the ordinal of a value among its format's values.

tools/crosscheck keeps rounding code of its own: it is an oracle independent of everything else.
"""

import math
import struct

MODES = ("nearest", "down", "up", "toward-zero")


class Format:
    """A binary interchange format: `precision` significand bits, largest exponent `emax`."""

    def __init__(self, name, precision, emax, width):
        self.name = name
        self.precision = precision
        self.emax = emax
        self.emin = 1 - emax
        self.width = width  # bits in its encoding
        self.quantum_min = self.emin - (precision - 1)  # exponent of the least subnormal
        self.quantum_max = emax - (precision - 1)  # exponent of the ulp of the largest binade
        self.max_finite = math.ldexp((1 << precision) - 1, self.quantum_max)


FORMATS = {
    "f16": Format("f16", 11, 15, 16),
    "bf16": Format("bf16", 8, 127, 16),
    "f32": Format("f32", 24, 127, 32),
    "f64": Format("f64", 53, 1023, 64),
}


def _format(fmt):
    return FORMATS[fmt] if isinstance(fmt, str) else fmt


def _bit_floor(num, den):
    """floor(log2(num / den)) for positive integers."""
    e = num.bit_length() - den.bit_length()
    return e - 1 if (num < (den << e) if e >= 0 else (num << -e) < den) else e


def round_ratio(num, den, fmt, mode="nearest"):
    """num/den (integers, den > 0) rounded to the format in the mode, as a Python float: subnormals,
    -0.0 for a negative value that rounds to zero, overflow to inf or the largest finite value as the
    mode directs. An exact zero gives +0.0."""
    f = _format(fmt)
    if mode not in MODES:
        raise ValueError("unknown rounding mode %r; expected one of %s" % (mode, ", ".join(MODES)))
    if den <= 0:
        raise ValueError("the denominator must be positive")
    if num == 0:
        return 0.0
    negative = num < 0
    magnitude = -num if negative else num
    quantum = max(_bit_floor(magnitude, den), f.emin) - (f.precision - 1)
    # magnitude / den = (q + r / d) * 2^quantum
    if quantum >= 0:
        d = den << quantum
        q, r = divmod(magnitude, d)
    else:
        d = den
        q, r = divmod(magnitude << -quantum, den)
    if r:
        if mode == "nearest":
            up = 2 * r > d or (2 * r == d and q & 1)
        else:
            up = {"up": not negative, "down": negative, "toward-zero": False}[mode]
        q += up
    if q >> f.precision:  # rounded up into the next binade
        q >>= 1
        quantum += 1
    if quantum > f.quantum_max:
        toward_zero = mode == "toward-zero" or (mode == "up" and negative) or (mode == "down" and not negative)
        value = f.max_finite if toward_zero else math.inf
    else:
        value = math.ldexp(q, quantum)
    return -value if negative else value


def round_scaled(man, exp, fmt, mode="nearest"):
    """man * 2^exp (integers) rounded to the format in the mode."""
    return round_ratio(man << exp, 1, fmt, mode) if exp >= 0 else round_ratio(man, 1 << -exp, fmt, mode)


def round_value(x, fmt, mode="nearest"):
    """x rounded to the format in the mode: a Python float or int, a NumPy scalar (any float dtype,
    long double included), or a fractions.Fraction. NaN, infinities and signed zeros pass through."""
    if isinstance(x, float) or hasattr(x, "dtype"):
        if math.isnan(x) or math.isinf(x) or x == 0:
            return float(x)
    return round_ratio(*x.as_integer_ratio(), fmt, mode)


def ordinal(x, fmt):
    """The position of x (a value of the format) among the format's values, counted from zero in
    both directions; both zeros are 0, so adjacent values differ by 1."""
    f = _format(fmt)
    if f.name == "f64":
        bits = struct.unpack("<Q", struct.pack("<d", x))[0]
    elif f.name == "f16":
        bits = struct.unpack("<H", struct.pack("<e", x))[0]
    else:
        bits = struct.unpack("<I", struct.pack("<f", x))[0]
        if f.name == "bf16":
            bits >>= 16
    sign = 1 << (f.width - 1)
    return -(bits & ~sign) if bits & sign else bits


def distance(a, b, fmt):
    """The steps from a to b among the format's values (0 when equal or both NaN; inf when one is
    NaN or either is not a value of the format)."""
    if math.isnan(a) or math.isnan(b):
        return 0.0 if math.isnan(a) and math.isnan(b) else math.inf
    try:
        return float(abs(ordinal(a, fmt) - ordinal(b, fmt)))
    except (OverflowError, struct.error):
        return math.inf
