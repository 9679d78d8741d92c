"""The structure of a row: the scale c = beta * ln(b) and, for softmax-like functions, which
entries are the maxima (M), the others (O) and the masked ones, with exact weights where they are
rational and the far tails that only matter through their sign."""

import math
from fractions import Fraction

import mpmath
from mpmath import mp, mpf

from .exact import qmpf, rational_power
from .ieee import floor_log2


class Scale:
    """c = beta * ln(b): its sign, exactness and magnitude."""

    def __init__(self, beta, base):
        self.beta = Fraction(beta)
        self.base = None if base is None else Fraction(base)
        if self.base is None:
            self.sign = (self.beta > 0) - (self.beta < 0)
            self.exact = abs(self.beta)  # |c|, exact
            self.bprime = None
        else:
            lb = (self.base > 1) - (self.base < 1)
            self.sign = ((self.beta > 0) - (self.beta < 0)) * lb
            if self.sign == 0:
                self.exact = Fraction(0)
                self.bprime = None
            else:
                self.exact = None  # transcendental
                self.bprime = self.base if self.base > 1 else 1 / self.base

    def cabs(self):
        """|c| as an mpf at the current precision."""
        if self.exact is not None:
            return qmpf(self.exact)
        return abs(qmpf(self.beta)) * mpmath.log(qmpf(self.bprime))

    def log2_cabs(self):
        """log2 |c| as a float (c != 0)."""
        lb = abs(float(self.beta))
        if self.bprime is None:
            return math.log2(lb)
        ln_b = math.log(self.bprime.numerator) - math.log(self.bprime.denominator)
        return math.log2(lb) + math.log2(ln_b)

    def power(self, r):
        """e^(-|c| r) exactly for r >= 0, or None when it is not rational."""
        if self.bprime is None:
            return Fraction(1) if (r == 0 or self.exact == 0) else None
        w = rational_power(self.bprime, abs(self.beta) * r)
        return None if w is None else 1 / w


FAR_TAIL = mpmath.ldexp(mpf(1), -(1 << 22))


class Dist:
    """The structure of a row for softmax-like functions (policy for non-finite entries)."""

    def __init__(self, xs, scale):
        self.n = len(xs)
        self.scale = scale
        self.kind = "finite"
        if any(x != x for x in xs):
            self.kind = "nan"
            return
        infinite = [i for i, x in enumerate(xs) if math.isinf(x)]
        if scale.sign == 0 and infinite:
            self.kind = "nan"
            return
        plus = [i for i in infinite if (1 if xs[i] > 0 else -1) * scale.sign > 0]
        if plus:
            self.kind = "posinf"
            k = len(plus)
            self.s_exact = [Fraction(0)] * self.n
            for i in plus:
                self.s_exact[i] = Fraction(1, k)
            return
        finite = [i for i, x in enumerate(xs) if not math.isinf(x)]
        if not finite:
            self.kind = "allneg"
            return
        sg = scale.sign
        y = {i: Fraction(xs[i]) * sg for i in finite}
        ymax = max(y.values())
        self.ymax = ymax
        self.M = [i for i in finite if y[i] == ymax]
        self.O = [i for i in finite if y[i] != ymax]
        self.k = len(self.M)
        self.g = {i: ymax - y[i] for i in self.O}
        self.masked = [i for i in range(self.n) if i not in y]
        self.role = ["masked"] * self.n
        for i in self.M:
            self.role[i] = "M"
        for i in self.O:
            self.role[i] = "O"
        # Exact weights e_i = e^(-|c| g_i) when all are rational.
        ex = {}
        for i in self.O:
            w = scale.power(self.g[i])
            if w is None:
                ex = None
                break
            ex[i] = w
        if ex is not None:
            E = self.k + sum(ex.values(), Fraction(0))
            self.E_exact = E
            self.s_exact = [Fraction(0)] * self.n
            for i in self.M:
                self.s_exact[i] = 1 / E
            for i in self.O:
                self.s_exact[i] = ex[i] / E
            self.kind = "exact"
        # Far tails: e^(-|c| g) < e^(-2^20) only ever matters through its sign (it lies far below
        # every rounding gap), so a tiny positive stand-in replaces an expensive evaluation.
        lc = scale.log2_cabs() if self.O else 0.0
        self.far = {i for i in self.O if floor_log2(self.g[i].numerator, self.g[i].denominator) + lc >= 21}
        self.maxbits = max([0] + [floor_log2(self.g[i].numerator, self.g[i].denominator) + 1
                                  for i in self.O if i not in self.far])

    def numeric(self):
        """mpf values at the current precision: e_i for O, R, E, rho, lnE."""
        sc = self.scale
        extra = max(0, self.maxbits + abs(sc.beta).numerator.bit_length()) + 20
        P = mp.prec
        with mp.workprec(P + extra):
            cabs = sc.cabs()
            e = {}
            for i in self.O:
                e[i] = FAR_TAIL if i in self.far else mpmath.exp(-(cabs * qmpf(self.g[i])))
        self.cabs_mpf = cabs
        self.e = e
        self.R = mpmath.fsum(e.values()) if e else mpf(0)
        self.E = self.k + self.R
        self.rho = self.R / (self.k * self.E)
        self.lnE = (mpmath.log1p(self.R) if self.k == 1 else mpmath.log(self.k) + mpmath.log1p(self.R / self.k))
