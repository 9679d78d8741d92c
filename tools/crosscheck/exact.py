"""Exact arithmetic helpers: rationals as mpf values, rational powers of a base, ln of a rational."""

from fractions import Fraction

import mpmath
from mpmath import mpf

from .ieee import floor_log2


def qmpf(q):
    q = Fraction(q)
    return mpf(q.numerator) / q.denominator


def int_root(n, k):
    """The integer k-th root of n if n is a perfect k-th power, else None."""
    if n < 2 or k == 1:
        return n
    r = int(round(n ** (1.0 / k))) if n.bit_length() < 1000 else None
    if r is None:
        lo, hi = 0, 1 << (n.bit_length() // k + 1)
        while lo < hi:
            mid = (lo + hi) // 2
            if mid ** k < n:
                lo = mid + 1
            else:
                hi = mid
        r = lo
    for c in (r - 1, r, r + 1):
        if c >= 0 and c ** k == n:
            return c
    return None


EXACT_POWER_BITS = 200000


def rational_power(b, r):
    """b^r as a Fraction when it is rational and of moderate size, else None (b > 0, r >= 0)."""
    if r == 0 or b == 1:
        return Fraction(1)
    p, q = r.numerator, r.denominator
    if q > max(b.numerator.bit_length(), b.denominator.bit_length()):
        return None
    if p * max(1, abs(floor_log2(b.numerator, b.denominator)) + 1) > EXACT_POWER_BITS:
        return None
    rn, rd = int_root(b.numerator, q), int_root(b.denominator, q)
    if rn is None or rd is None:
        return None
    return Fraction(rn, rd) ** p


def ln_exact(s):
    """ln s for an exact rational 0 < s, as an mpf (relative accuracy)."""
    if s == 1:
        return mpf(0)
    if s < Fraction(1, 2) or s > 2:
        return mpmath.log(qmpf(s))
    return mpmath.log1p(qmpf(s - 1))
