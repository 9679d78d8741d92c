"""The mpmath models of softmax, log-softmax and logsumexp (sigmoid is softmax of [x, 0]).
Each output is (A, v, mag) as decide.py takes it, a float when it is known exactly (NaN, inf), or
an exact Fraction through exact_out."""

from fractions import Fraction

import mpmath

from .decide import ZERO_OUT, exact_out, rel_out
from .exact import ln_exact, qmpf, rational_power
from .ieee import INF, NAN


def softmax(ev, d):
    if d.kind in ("nan", "allneg"):
        return [NAN] * d.n
    if d.kind in ("posinf", "exact"):
        return [exact_out(s) for s in d.s_exact]
    d.numeric()
    out = []
    for i in range(d.n):
        r = d.role[i]
        if r == "M":
            out.append(rel_out(Fraction(1, d.k), -d.rho))
        elif r == "O":
            out.append(rel_out(Fraction(0), d.e[i] / d.E))
        else:
            out.append(ZERO_OUT)
    return out


def log_softmax(ev, d):
    if d.kind in ("nan", "allneg"):
        return [NAN] * d.n
    if d.kind in ("posinf", "exact"):
        return [(-INF if s == 0 else (ZERO_OUT if s == 1 else rel_out(Fraction(0), ln_exact(s))))
                for s in d.s_exact]
    d.numeric()
    out = []
    for i in range(d.n):
        r = d.role[i]
        if r == "M":
            out.append(rel_out(Fraction(0), -d.lnE))
        elif r == "O":
            if ev.scale.exact is not None:
                out.append(rel_out(-ev.scale.exact * d.g[i], -d.lnE))
            else:
                out.append(rel_out(Fraction(0), -(d.cabs_mpf * qmpf(d.g[i]) + d.lnE)))
        else:
            out.append(-INF)
    return out


def logsumexp(ev, d):
    if d.kind == "nan":
        return NAN
    if d.kind == "allneg":
        return -INF
    if d.kind == "posinf":
        return INF
    sc = ev.scale
    if d.kind == "exact":
        if sc.exact is not None:
            # base e with R = 0 (ties only), or c = 0: t_max + ln k
            A = sc.exact * d.ymax
            return (A, mpmath.log(d.k), mpmath.log(d.k)) if d.k > 1 else exact_out(A)
        # S = e^(t_max) * E = b'^(|beta| y_max) * E: rational when the power is.
        top = (sc.power(-d.ymax) if d.ymax <= 0
               else rational_power(sc.bprime, abs(sc.beta) * d.ymax))
        if top is not None:
            S = top * d.E_exact
            if S == 1:
                return ZERO_OUT
            return rel_out(Fraction(0), ln_exact(S))
        lnE = ln_exact(d.E_exact)
        t = sc.cabs() * qmpf(d.ymax)
        return (Fraction(0), t + lnE, abs(t) + abs(lnE))
    d.numeric()
    if sc.exact is not None:
        return rel_out(sc.exact * d.ymax, d.lnE)
    t = d.cabs_mpf * qmpf(d.ymax)
    return (Fraction(0), t + d.lnE, abs(t) + d.lnE)
