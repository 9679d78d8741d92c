"""The mpmath model of the smooth activations at a finite nonzero input, at the working precision.

Each value is (A, v, mag) as decide.py takes it: A exact, v an mpf with a relative error of a few
units at the working precision (mag = |v|), written without cancellation: where f tends to a
line or a constant, A is that part and v the far tail (tanh(1e30) = 1 + v with v = -2/(e^2e30 + 1)).
Arguments that are irrational (x/sqrt 2, sqrt(2/pi)(x + 0.044715 x^3)) are computed with extra
bits covering the slope of what follows, so v keeps its relative accuracy."""

from fractions import Fraction

import mpmath
from mpmath import mp, mpf

from .activation_params import GELU_CUBIC, SELU_ALPHA, SELU_LAMBDA
from .decide import exact_out, rel_out
from .exact import qmpf
from .ieee import floor_log2

ZERO = Fraction(0)
OVERFLOW = Fraction(1 << 1100)  # above 2^(emax + 1) of every format: rounds as an overflow


def magnitude_bits(q):
    """floor(log2 |q|) + 1 when |q| >= 1, else 0."""
    if q == 0:
        return 0
    q = abs(q)
    return max(0, floor_log2(q.numerator, q.denominator) + 1)


def tail_sigmoid(t):
    """sigma(-t) = e^-t/(1 + e^-t) for t > 0 (the distance of sigma(t) from 1)."""
    e = mpmath.exp(-t)
    return e / (1 + e)


def sigmoid(t):
    """sigma(t) = e^t/(1 + e^t), for t <= -1."""
    e = mpmath.exp(t)
    return e / (1 + e)


def x_sigmoid(x, t):
    """x sigma(t) as (A, v) without cancellation: x - x sigma(-t) for t >= 1, x/2 + x tanh(t/2)/2
    for |t| < 1 (tanh(t/2) = E/(E + 2) with E = e^t - 1), x sigma(t) for t <= -1."""
    xm = qmpf(x)
    if t >= 1:
        return rel_out(x, -xm * tail_sigmoid(t))
    if t > -1:
        e = mpmath.expm1(t)
        return rel_out(x / 2, xm * e / (2 * (e + 2)))
    return rel_out(ZERO, xm * sigmoid(t))


def erfc(z):
    """erfc(z); beyond mpmath's range (z > 1e100) the asymptotic series
    e^-z^2/(z sqrt pi) * sum (-1)^k (2k-1)!!/(2z^2)^k, summed until a term is below the working
    precision (the series envelops erfc: the error is below the first term left out)."""
    if z < mpf("1e100"):
        return mpmath.erfc(z)
    w = 2 * z * z
    term, total, k = mpf(1), mpf(1), 1
    while True:
        term = -term * (2 * k - 1) / w
        if abs(term) < mpmath.ldexp(1, -mp.prec - 8):
            break
        total += term
        k += 1
    return mpmath.exp(-z * z) / (z * mpmath.sqrt(mpmath.pi)) * total


def tanh(x):
    """1 - 2/(e^2|x| + 1) (odd) for |x| >= 1/2; below, x + (tanh x - x), the difference (between
    |x|^3/4 and |x|^3/3) computed with 2k + 8 more bits, |x| >= 2^-k."""
    s = 1 if x > 0 else -1
    a = abs(x)
    if a >= Fraction(1, 2):
        return rel_out(Fraction(s), -s * 2 / (mpmath.exp(2 * qmpf(a)) + 1))
    k = -floor_log2(a.numerator, a.denominator)
    with mp.workprec(mp.prec + 2 * k + 8):
        am = qmpf(a)
        e = mpmath.expm1(2 * am)
        return rel_out(x, s * (e / (e + 2) - am))


def softplus(x, beta):
    """ln(1 + e^u)/beta with u = beta x: x + ln(1 + e^-u)/beta for u > 0."""
    u = beta * x
    um, bm = qmpf(u), qmpf(beta)
    if u > 0:
        return rel_out(x, mpmath.log1p(mpmath.exp(-um)) / bm)
    return rel_out(ZERO, mpmath.log1p(mpmath.exp(um)) / bm)


def expm1_times(x, c):
    """c (e^x - 1) for x < 0, c != 0: -c + c e^x below -1; above, c x + c (e^x - 1 - x), the
    difference (between x^2/3 and x^2/2) computed with k + 8 more bits, |x| >= 2^-k."""
    if x < -1:
        return rel_out(-c, qmpf(c) * mpmath.exp(qmpf(x)))
    k = -floor_log2(-x.numerator, x.denominator)
    with mp.workprec(mp.prec + k + 8):
        xm = qmpf(x)
        return rel_out(c * x, qmpf(c) * (mpmath.expm1(xm) - xm))


def gelu(x):
    """x Phi(x) = x erfc(-z)/2 with z = x/sqrt 2: x - x erfc(z)/2 for x > 1, x/2 + x erf(z)/2 for
    |x| <= 1."""
    extra = 2 * magnitude_bits(x) + 24  # erfc(z) moves by a relative 2z^2 d for a relative d in z
    with mp.workprec(mp.prec + extra):
        xm = qmpf(x)
        z = xm / mpmath.sqrt(2)
        if x > 1:
            return rel_out(x, -xm * erfc(z) / 2)
        if x >= -1:
            return rel_out(x / 2, xm * mpmath.erf(z) / 2)
        return rel_out(ZERO, xm * erfc(-z) / 2)


def gelu_tanh(x):
    """x (1 + tanh y)/2 = x sigma(2y), y = sqrt(2/pi) (x + 0.044715 x^3)."""
    u = x + GELU_CUBIC * x ** 3
    extra = magnitude_bits(u) + 24  # sigma(t) moves by a relative |t| d for a relative d in t
    with mp.workprec(mp.prec + extra):
        t = 2 * mpmath.sqrt(2 / mpmath.pi) * qmpf(u)
        return x_sigmoid(x, t)


def mish(x):
    """x tanh(ln(1 + e^x)) = x w(w + 2)/(w(w + 2) + 2), w = e^x; x - 2x q^2/(1 + 2q + 2q^2) with
    q = e^-x for x >= 1."""
    xm = qmpf(x)
    if x >= 1:
        q = mpmath.exp(-xm)
        return rel_out(x, -2 * xm * q * q / (1 + 2 * q + 2 * q * q))
    w = mpmath.exp(xm)
    ww = w * (w + 2)
    return rel_out(ZERO, xm * ww / (ww + 2))


def smooth(fn, x, p):
    """f(x) at mp.prec bits for a smooth fn and a finite nonzero Fraction x (p: Params)."""
    if fn == "tanh":
        return tanh(x)
    if fn == "softplus":
        return softplus(x, p.beta)
    if fn == "log-sigmoid":  # -softplus(-x)
        A, v, mag = softplus(-x, Fraction(1))
        return (-A, -v, mag)
    if fn == "exponential":
        if x >= 1000:
            return exact_out(OVERFLOW)
        if abs(x) < Fraction(1, 2):  # 1 + (e^x - 1)
            return rel_out(Fraction(1), mpmath.expm1(qmpf(x)))
        return rel_out(ZERO, mpmath.exp(qmpf(x)))
    if fn in ("elu", "selu"):
        scale = SELU_LAMBDA if fn == "selu" else Fraction(1)
        if x > 0:
            return exact_out(scale * x)
        c = scale * (SELU_ALPHA if fn == "selu" else p.alpha)
        return exact_out(ZERO) if c == 0 else expm1_times(x, c)
    if fn in ("swish", "silu"):
        if p.beta == 0:
            return exact_out(x / 2)
        return x_sigmoid(x, qmpf(p.beta * x))
    if fn == "gelu":
        return gelu(x)
    if fn == "gelu-tanh":
        return gelu_tanh(x)
    if fn == "mish":
        return mish(x)
    raise ValueError(fn)
