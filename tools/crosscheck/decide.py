"""Deciding the rounding of an output known as A + [v - rad, v + rad]: A an exact Fraction, v an
mpf, rad the relative error of v at the working precision (from its magnitude `mag`)."""

from fractions import Fraction

import mpmath
from mpmath import mp, mpf

from .ieee import bits, floor_log2, round_q

GUARD = 40  # bits of slack granted to mpmath's own rounding errors


def gap_exponent(A, f):
    """ge such that (A - 2^ge, A + 2^ge) holds no rounding boundary of f except possibly A."""
    if A == 0:
        return f.qmin - 2
    num, den = abs(A.numerator), A.denominator
    e = floor_log2(num, den)
    qe = max(e, f.emin) - (f.p - 1)
    return min(qe - 2, 0, e - 1) - den.bit_length() - 1


def mpf_top(x):
    """e with 2^(e-1) <= |x| < 2^e for nonzero x."""
    _, man, exp, bc = x._mpf_
    return exp + bc


def interval_ends(v, rad):
    if not rad:
        return v, v
    if not v:
        return -2 * rad, 2 * rad
    tv, tr = mpf_top(v), mpf_top(rad)
    if tr > tv + 4000:
        return -2 * rad, 2 * rad
    if tv > tr + 4000:
        rad = mpmath.ldexp(abs(v), -4000)
    return mp.fsub(v, rad, exact=True), mp.fadd(v, rad, exact=True)


def end_value(A, e, ge):
    """A + e as (numerator, denominator), e replaced by +-2^(ge-1) when |e| < 2^ge."""
    an, ad = A.numerator, A.denominator
    if not e:
        return an, ad
    s, man, exp, bc = e._mpf_
    if exp + bc <= ge:  # tiny: any value of its sign below 2^ge rounds alike
        tn, td = (1 << (ge - 1), 1) if ge >= 1 else (1, 1 << (1 - ge))
    else:
        tn, td = (man << exp, 1) if exp >= 0 else (man, 1 << -exp)
    if s:
        tn = -tn
    if an == 0:
        return tn, td
    return an * td + tn * ad, ad * td


def decide(out, P, f, mode):
    """The float `out` rounds to, or None when P bits do not decide it."""
    if isinstance(out, float):
        return out
    A, v, mag = out
    if not mag:
        return round_q(*end_value(A, v, -(1 << 62)), f, mode)
    rad = mpmath.ldexp(mag, -(P - GUARD))
    lo, hi = interval_ends(v, rad)
    ge = gap_exponent(A, f)
    r1 = round_q(*end_value(A, lo, ge), f, mode)
    r2 = round_q(*end_value(A, hi, ge), f, mode)
    return r1 if bits(r1) == bits(r2) else None


def approx_str(out, digits=40):
    if isinstance(out, float):
        return repr(out)
    A, v, mag = out
    with mp.workprec(max(mp.prec, 200)):
        val = mpf(A.numerator) / A.denominator + v if A else v
        s = mpmath.nstr(val, digits)
    return s + ("" if mag else " (exact)")


ZERO_OUT = (Fraction(0), mpf(0), mpf(0))


def exact_out(q):
    return (Fraction(q), mpf(0), mpf(0))


def rel_out(A, v):
    return (A, v, abs(v))
