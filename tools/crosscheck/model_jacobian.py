"""The mpmath model of the softmax Jacobian, row-major."""

from fractions import Fraction

import mpmath
from mpmath import mpf

from .exact import qmpf
from .ieee import NAN


def jacobian(ev, d):
    n = d.n
    if d.kind in ("nan", "allneg"):
        return [NAN] * (n * n)
    out = []
    if d.kind in ("posinf", "exact"):
        s = d.s_exact
        for i in range(n):
            for j in range(n):
                q = s[i] * ((1 if i == j else 0) - s[j])
                out.append(ev.times_c(q, mpf(0), mpf(0)))
        return out
    d.numeric()
    k, rho, E = d.k, d.rho, d.E
    E2 = E * E
    role = d.role
    for i in range(n):
        for j in range(n):
            ri, rj = role[i], role[j]
            if ri == "masked" or rj == "masked":
                out.append(ev.times_c(Fraction(0), mpf(0), mpf(0)))
                continue
            if i == j:
                if ri == "M":
                    if k == 1:
                        A, v = Fraction(0), d.R / E2
                    elif k == 2:
                        A, v = Fraction(1, 4), -rho * rho
                    else:
                        A, v = Fraction(k - 1, k * k), -rho * (rho + qmpf(Fraction(k - 2, k)))
                else:
                    others = mpmath.fsum([d.e[l] for l in d.O if l != i])
                    A, v = Fraction(0), d.e[i] * (k + others) / E2
            else:
                if ri == "M" and rj == "M":
                    A, v = Fraction(-1, k * k), rho * (qmpf(Fraction(2, k)) - rho)
                elif ri == "M":
                    A, v = Fraction(0), -d.e[j] / E2
                elif rj == "M":
                    A, v = Fraction(0), -d.e[i] / E2
                else:
                    A, v = Fraction(0), -(d.e[i] * d.e[j]) / E2
            out.append(ev.times_c(A, v, abs(v)))
    return out
