"""The mpmath model of softmax-vjp."""

from fractions import Fraction

import mpmath
from mpmath import mp, mpf

from .exact import qmpf
from .ieee import NAN
from .structure import FAR_TAIL


def softmax_vjp(ev, d):
    """c*s_j*(v_j - <v, s>) = c*(w_j/E^2)*U_j, U_j = sum over groups G of equal logits of
    C_G*w_G with C_G = sum_{i in G} (v_j - v_i) exact: the head group's weight is 1 (exact), so a
    cancelling head leaves the tails' sign and size, never a difference of rounded terms."""
    n = d.n
    v = [Fraction(x) for x in ev.row.vector]
    if d.kind in ("nan", "allneg") or any(x != x for x in ev.row.vector):
        return [NAN] * n
    if d.kind in ("posinf", "exact"):
        s = d.s_exact
        dot = sum((vi * si for vi, si in zip(v, s)), Fraction(0))
        return [ev.times_c(s[j] * (v[j] - dot), mpf(0), mpf(0)) for j in range(n)]
    d.numeric()
    groups = {}
    for i in d.O:
        groups.setdefault(d.g[i], []).append(i)
    E2 = d.E * d.E
    out = []
    for j in range(n):
        if d.role[j] == "masked":
            out.append(ev.times_c(Fraction(0), mpf(0), mpf(0)))
            continue
        head = sum((v[j] - v[i] for i in d.M), Fraction(0))
        coefficients = {g: sum((v[j] - v[i] for i in members), Fraction(0)) for g, members in groups.items()}
        coefficients = {g: C for g, C in coefficients.items() if C != 0}
        # Far weights are a stand-in (FAR_TAIL), so they are taken relative to the largest of
        # them, e^(-|c|(g - g_f)), exactly as far as their ratios go.
        # Weights whose ratio e^(-|c|(g - g_r)) is rational form one class, summed exactly first
        # (base 2, gaps 0.5 and 1.5: 2^-0.5 and 2^-1.5 = 2^-0.5 / 2).
        classes = []  # [g_r, exact coefficient]
        for g in sorted(g for g in coefficients if groups[g][0] not in d.far):
            for c in classes:
                ratio = ev.scale.power(g - c[0])
                if ratio is not None:
                    c[1] += coefficients[g] * ratio
                    break
            else:
                classes.append([g, coefficients[g]])
        near = [(C, d.e[groups[g][0]]) for g, C in classes if C != 0]
        far = {g: C for g, C in coefficients.items() if groups[g][0] in d.far}
        tails = near
        if far:
            gf = min(far)
            with mp.workprec(mp.prec + 20):
                ratios = [(C, mpmath.exp(-(d.cabs_mpf * qmpf(g - gf)))) for g, C in far.items()]
            tails = near + [(C, FAR_TAIL * r) for C, r in ratios]
        if head == 0 and not tails:
            out.append(ev.times_c(Fraction(0), mpf(0), mpf(0)))
            continue
        U = qmpf(head) + mpmath.fsum([qmpf(C) * w for C, w in tails])
        wj = mpf(1) if d.role[j] == "M" else d.e[j]
        value = wj * U / E2
        # Error: relative 2^-P in each tail weight, in w_j and in E (the head is exact).
        mag = abs(value) + wj * mpmath.fsum([abs(qmpf(C)) * w for C, w in tails]) / E2
        out.append(ev.times_c(Fraction(0), value, mag))
    return out
