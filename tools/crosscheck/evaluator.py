"""Our side: each output of a row computed with mpmath and rounded by our own code, at 320 bits
first and doubling while an output lies too close to a rounding boundary."""

from fractions import Fraction

from mpmath import mp

from .decide import ZERO_OUT, decide
from .exact import qmpf
from .model_cross_entropy import cross_entropy
from .model_jacobian import jacobian
from .model_softmax import log_softmax, logsumexp, softmax
from .model_vjp import softmax_vjp
from .structure import Dist, Scale


class Evaluator:
    """The outputs of one row at a working precision, by function (the model_*.py modules)."""

    def __init__(self, row):
        self.row = row
        self.scale = Scale(row.beta, row.base)
        if row.function == "sigmoid":
            self.dists = [Dist([x, 0.0], self.scale) for x in row.xs]
        else:
            self.dist = Dist(row.xs, self.scale)

    def times_c(self, A, v, mag):
        """c * (A + v) with its magnitude for the error radius."""
        sc = self.scale
        if sc.exact is not None:
            c = sc.exact * sc.sign
            if c == 0:
                return ZERO_OUT
            cm = qmpf(c)
            return (c * A, cm * v, abs(cm) * mag)
        c = sc.cabs() * sc.sign
        if A == 0 and not mag:
            return ZERO_OUT
        Am = qmpf(A)
        return (Fraction(0), c * (Am + v), abs(c) * (abs(Am) + mag))

    def outputs(self, P):
        """(values, gradient or None) at P bits."""
        with mp.workprec(P):
            fn = self.row.function
            if fn == "sigmoid":
                return [softmax(self, d)[0] for d in self.dists], None
            d = self.dist
            if fn == "softmax":
                return softmax(self, d), None
            if fn == "log-softmax":
                return log_softmax(self, d), None
            if fn == "logsumexp":
                return [logsumexp(self, d)], None
            if fn == "jacobian":
                return jacobian(self, d), None
            if fn == "cross-entropy":
                return cross_entropy(self, d)
            if fn == "softmax-vjp":
                return softmax_vjp(self, d), None
            raise ValueError(fn)


MAX_PRECISION = 1 << 15


def expected(row):
    """(values, gradient, notes): our correctly rounded outputs, floats (None if undecided)."""
    ev = Evaluator(row)
    f, mode = row.fmt, row.mode
    P = 320
    vals = grad = None
    while True:
        outs, gouts = ev.outputs(P)
        with mp.workprec(P):
            if vals is None:
                vals = [decide(o, P, f, mode) for o in outs]
                grad = None if gouts is None else [decide(o, P, f, mode) for o in gouts]
            else:
                vals = [v if v is not None else decide(o, P, f, mode) for v, o in zip(vals, outs)]
                if gouts is not None:
                    grad = [v if v is not None else decide(o, P, f, mode) for v, o in zip(grad, gouts)]
        undecided = any(v is None for v in vals) or (grad is not None and any(v is None for v in grad))
        if not undecided or P >= MAX_PRECISION:
            return vals, grad, P, (outs, gouts)
        P *= 2
