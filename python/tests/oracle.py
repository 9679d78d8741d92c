"""An independent check for the tests: the exact values from Python's decimal module at 120
digits (exp and ln there are correctly rounded), and whether a float result is the correct
rounding of such a value, decided by comparing it with its two neighbours in its format."""

from decimal import Decimal, getcontext, localcontext

import numpy as np

PRECISION = 120
getcontext().prec = PRECISION  # every operation of the tests' oracle, not only exp and ln


def D(v):
    return Decimal(float(v))


def exp(d):
    with localcontext() as c:
        c.prec = PRECISION
        return d.exp()


def ln(d):
    with localcontext() as c:
        c.prec = PRECISION
        return d.ln()


def div(a, b):
    with localcontext() as c:
        c.prec = PRECISION
        return a / b


_UINT = {2: np.uint16, 4: np.uint32, 8: np.uint64}


def neighbours(r):
    """(next below, next above) of a finite value r in its own dtype, through its bit pattern."""
    dtype = np.asarray(r).dtype
    bits = int(np.asarray(r).reshape(1).view(_UINT[dtype.itemsize])[0])
    width = dtype.itemsize * 8
    sign = 1 << (width - 1)
    ordinal = -(bits & (sign - 1)) if bits & sign else bits

    def value(o):
        b = (sign | -o) if o < 0 else o
        return np.array([b], dtype=_UINT[dtype.itemsize]).view(dtype)[0]

    return value(ordinal - 1), value(ordinal + 1)


def is_rounding(r, exact, mode="nearest"):
    """True when the float r is `exact` (a Decimal) rounded in `mode`."""
    if not np.isfinite(float(r)):
        return False
    below, above = neighbours(r)
    v, lo, hi = D(r), D(below), D(above)
    if mode == "nearest":
        return abs(v - exact) <= abs(lo - exact) and abs(v - exact) <= abs(hi - exact)
    if mode == "down":
        return v <= exact < hi
    if mode == "up":
        return lo < exact <= v
    if mode == "toward-zero":
        return is_rounding(r, exact, "down" if exact >= 0 else "up")
    raise ValueError(mode)


def assert_rounded(result, exact, mode="nearest"):
    """Every entry of `result` is the rounding of the matching Decimal of `exact` (nested lists)."""
    flat = np.asarray(result).reshape(-1)
    expected = list(_flatten(exact))
    assert flat.size == len(expected)
    for i, (r, e) in enumerate(zip(flat, expected)):
        assert is_rounding(r, e, mode), "entry %d: %r is not %s rounded %s" % (i, float(r), e, mode)


def _flatten(values):
    for v in values:
        if isinstance(v, (list, tuple)):
            yield from _flatten(v)
        else:
            yield v


def softmax(x, beta=1):
    t = [D(beta) * D(v) for v in x]
    m = max(t)
    e = [exp(v - m) for v in t]
    s = sum(e)
    return [div(v, s) for v in e]


def logsumexp(x, beta=1):
    t = [D(beta) * D(v) for v in x]
    m = max(t)
    return m + ln(sum(exp(v - m) for v in t))


def log_softmax(x, beta=1):
    lse = logsumexp(x, beta)
    return [D(beta) * D(v) - lse for v in x]


def sigmoid(v):
    return div(Decimal(1), 1 + exp(-D(v)))


def tanh(v):
    e = exp(2 * D(v))
    return div(e - 1, e + 1)


def softplus(v):
    return ln(1 + exp(D(v)))
