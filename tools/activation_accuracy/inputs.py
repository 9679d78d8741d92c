"""The inputs of activation-accuracy: every encoding of the 16-bit formats, a seeded sample of the
wider ones."""

import math
import random
import struct

from softmaxref_tools.ieee import FORMATS

# Points where the activations change behaviour: piecewise breaks (relu6, hard-sigmoid at ±3, 6),
# PyTorch's softplus threshold (20), and small integers.
LANDMARKS = (0.5, 1.0, 2.0, 3.0, 6.0, 10.0, 15.0, 20.0, 30.0)


def from_bits(bits, fmt):
    """The value of an encoding of the format (a Python float; NaN for every NaN encoding)."""
    if fmt == "f16":
        return struct.unpack("<e", struct.pack("<H", bits))[0]
    if fmt == "bf16":
        return struct.unpack("<f", struct.pack("<I", bits << 16))[0]
    if fmt == "f32":
        return struct.unpack("<f", struct.pack("<I", bits))[0]
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def to_bits(x, fmt):
    width = FORMATS[fmt].width
    if fmt == "f16":
        return struct.unpack("<H", struct.pack("<e", x))[0]
    if fmt == "bf16":
        return struct.unpack("<I", struct.pack("<f", x))[0] >> 16
    return struct.unpack("<I" if width == 32 else "<Q", struct.pack("<f" if width == 32 else "<d", x))[0]


def neighbours(x, fmt):
    """x and the values one step below and above it in the format (finite ones)."""
    out = [x]
    bits = to_bits(x, fmt)
    for b in (bits - 1, bits + 1):
        if 0 <= b < (1 << FORMATS[fmt].width):
            v = from_bits(b, fmt)
            if math.isfinite(v) and (v > 0) == (x > 0):
                out.append(v)
    return out


def exhaustive(fmt):
    """All 65,536 encodings of a 16-bit format, in order of their bits."""
    return [from_bits(b, fmt) for b in range(1 << 16)]


def sample(fmt, count, seed):
    """`count` values of f32 or f64 (seeded): specials and landmarks with their neighbours, random
    encodings (every exponent: huge, tiny, subnormal), subnormals, and uniform values in [-40, 40]
    and across the overflow region of e^x (|x| up to twice ln of the largest finite value)."""
    f = FORMATS[fmt]
    width = f.width
    rng = random.Random("%s/%d" % (fmt, seed))
    rounded = (lambda v: struct.unpack("<f", struct.pack("<f", v))[0]) if fmt == "f32" else float
    fixed = [0.0, -0.0, math.inf, -math.inf, math.nan, f.max_finite, -f.max_finite]
    tiny = math.ldexp(1.0, f.quantum_min)
    smallest_normal = math.ldexp(1.0, f.emin)
    overflow = rounded(math.log(f.max_finite))
    for magnitude in (tiny, smallest_normal, overflow, overflow / 2) + LANDMARKS:
        for v in neighbours(rounded(magnitude), fmt):
            fixed += [v, -v]
    values = list(fixed)
    mantissa_bits = f.precision - 1
    while len(values) < count:
        kind = rng.random()
        if kind < 0.25:  # any finite encoding: every binade equally
            v = from_bits(rng.getrandbits(width), fmt)
            if not math.isfinite(v):
                continue
        elif kind < 0.30:  # subnormals
            v = math.ldexp(rng.getrandbits(mantissa_bits) or 1, f.quantum_min) * rng.choice((1, -1))
        elif kind < 0.70:  # the central region where most activations bend
            v = rounded(rng.uniform(-40.0, 40.0))
        elif kind < 0.85:  # e^x's overflow and saturation region
            v = rounded(rng.uniform(-2 * overflow, 2 * overflow))
        else:  # log-uniform magnitudes 2^-40 .. 2^12 of either sign: small and moderate values
            v = rounded(2.0 ** rng.uniform(-40, 12)) * rng.choice((1, -1))
        values.append(v)
    return values[:count]


def inputs(fmt, count, seed):
    return exhaustive(fmt) if fmt in ("f16", "bf16") else sample(fmt, count, seed)
