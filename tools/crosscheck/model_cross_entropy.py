"""The mpmath model of cross-entropy from logits: the loss, then the gradient."""

from fractions import Fraction

import mpmath
from mpmath import mpf

from .decide import ZERO_OUT
from .exact import ln_exact, qmpf
from .ieee import INF, NAN


def cross_entropy(ev, d):
    n = d.n
    row = ev.row
    if d.kind in ("nan", "allneg"):
        return [NAN if n else ZERO_OUT], [NAN] * n
    q = ([Fraction(1) if i == row.label else Fraction(0) for i in range(n)] if row.target is None
         else [Fraction(t) for t in row.target])
    Q = sum(q, Fraction(0))
    if d.kind in ("posinf", "exact"):
        s = d.s_exact
        grad = [ev.times_c(s[j] * Q - q[j], mpf(0), mpf(0)) for j in range(n)]
        plus = minus = False
        terms = []
        for i in range(n):
            if q[i] == 0:
                continue
            if s[i] == 0:
                if q[i] > 0:
                    plus = True
                else:
                    minus = True
            elif s[i] != 1:
                terms.append(qmpf(q[i]) * -ln_exact(s[i]))
        if plus and minus:
            loss = NAN
        elif plus or minus:
            loss = INF if plus else -INF
        elif not terms:
            loss = ZERO_OUT
        else:
            loss = (Fraction(0), mpmath.fsum(terms), mpmath.fsum([abs(t) for t in terms]))
        return [loss], grad
    d.numeric()
    role = d.role
    grad = []
    for j in range(n):
        r = role[j]
        if r == "M":
            A, v = Q / d.k - q[j], -qmpf(Q) * d.rho
        elif r == "O":
            A, v = -q[j], qmpf(Q) * d.e[j] / d.E
        else:
            A, v = -q[j], mpf(0)
        grad.append(ev.times_c(A, v, abs(v)))
    # loss = sum over q_i != 0 of q_i (lnE + |c| g_i); masked classes give +-inf
    plus = minus = False
    Qf = Fraction(0)
    Ag = Fraction(0)  # sum q_i g_i
    Agabs = Fraction(0)
    for i in range(n):
        if q[i] == 0:
            continue
        if role[i] == "masked":
            if q[i] > 0:
                plus = True
            else:
                minus = True
            continue
        Qf += q[i]
        if role[i] == "O":
            Ag += q[i] * d.g[i]
            Agabs += abs(q[i]) * d.g[i]
    if plus and minus:
        return [NAN], grad
    if plus or minus:
        return [INF if plus else -INF], grad
    part = qmpf(Qf) * d.lnE
    if ev.scale.exact is not None:
        return [(ev.scale.exact * Ag, part, abs(part))], grad
    t = d.cabs_mpf * qmpf(Ag)
    return [(Fraction(0), t + part, abs(part) + d.cabs_mpf * qmpf(Agabs))], grad
