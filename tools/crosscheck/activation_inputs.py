"""The inputs of the activation cross-check: every encoding of a 16-bit format, seeded random
values by family for the wider formats, and the parameter variants of each function."""

import math
import random
import struct

from .ieee import in_fmt, next_down, next_up

# Parameter variants beyond the defaults ({}), as the request keys and decimal strings.
VARIANTS = {
    "softplus": [{"beta": "2"}, {"beta": "-1"}, {"beta": "0.3"}, {"beta": "-2.5"}],
    "swish": [{"beta": "0"}, {"beta": "-1"}, {"beta": "1.702"}, {"beta": "-0.25"}],
    "silu": [{"beta": "3"}],
    "elu": [{"alpha": "0.5"}, {"alpha": "-1.5"}, {"alpha": "0"}],
    "leaky-relu": [{"alpha": "0.2"}, {"alpha": "-0.3"}, {"alpha": "0"}],
    "relu": [{"alpha": "0.1"}, {"max_value": "6"}, {"threshold": "0.5"},
             {"threshold": "-1", "max_value": "2.5", "alpha": "0.3"}, {"threshold": "2", "alpha": "-0.5"},
             {"max_value": "0"}, {"max_value": "-1"}, {"max_value": "-1", "alpha": "0.25", "threshold": "1"}],
}


def variants(fn, with_parameters):
    return [{}] + (VARIANTS.get(fn, []) if with_parameters else [])


def encodings(f):
    """The value of each of the 65,536 encodings of binary16 or bfloat16 (NaNs as nan)."""
    if f.name == "f16":
        return [struct.unpack("<e", i.to_bytes(2, "little"))[0] for i in range(1 << 16)]
    if f.name == "bf16":
        return [struct.unpack("<f", (i << 16).to_bytes(4, "little"))[0] for i in range(1 << 16)]
    raise ValueError(f"no exhaustive encodings for {f.name}")


def thresholds(f):
    """Magnitudes where some activation saturates, underflows or changes piece in format f."""
    ln2 = math.log(2)
    tiny = -f.qmin
    return [0.5, 1.0, 2.0, 3.0, 6.0, 0.01, (f.p + 1) * ln2 / 2, (f.p + 2) * ln2,
            (f.emax + 1) * ln2, tiny * ln2, (tiny + 1) * ln2, math.sqrt(2 * tiny * ln2),
            math.sqrt(2 * (f.p + 1) * ln2), math.sqrt(2 * (tiny + 3) * ln2), (f.p + 2) * ln2 / 1.702]


class RandomInputs:
    """Seeded random values of format f (f32 or f64) by family."""

    FAMILIES = ["encoding", "gauss", "tiny", "huge", "saturation", "near", "integers"]

    def __init__(self, seed, f):
        self.r = random.Random(seed)
        self.f = f

    def one(self):
        r, f = self.r, self.f
        fam = r.choice(self.FAMILIES)
        sign = r.choice((1, -1))
        if fam == "encoding":
            if f.name == "f32":
                return struct.unpack("<f", r.getrandbits(32).to_bytes(4, "little"))[0]
            return struct.unpack("<d", r.getrandbits(64).to_bytes(8, "little"))[0]
        if fam == "gauss":
            return in_fmt(r.gauss(0, r.choice((0.5, 2.0, 10.0, 100.0))), f)
        if fam == "tiny":  # subnormals and small normals
            return in_fmt(sign * math.ldexp(1 + r.random(), r.randint(f.qmin, -8)), f)
        if fam == "huge":
            return in_fmt(sign * math.ldexp(1 + r.random(), r.randint(8, f.emax)), f)
        if fam == "saturation":
            t = r.choice(thresholds(f))
            return in_fmt(sign * t * (1 + r.gauss(0, 1) * 2.0 ** -r.randint(1, f.p + 2)), f)
        if fam == "near":  # a few ulps from 0, +-1, +-3, +-6, +-0.5
            x = sign * r.choice((0.0, 0.5, 1.0, 3.0, 6.0, 2.5, 2.0))
            for _ in range(r.randint(0, 3)):
                x = next_up(x, f) if r.random() < 0.5 else next_down(x, f)
            return x
        return float(r.randint(-40, 40)) / r.choice((1, 2, 4))

    def inputs(self, n):
        xs = [self.one() for _ in range(n)]
        # the specials, once per list
        return xs + [0.0, -0.0, math.inf, -math.inf, math.nan, self.f.max_finite, -self.f.max_finite,
                     self.f.min_sub, -self.f.min_sub]
