"""Tests of the activation model of tools/crosscheck (`python3 -m unittest discover -s tools/tests`;
needs mpmath): its cancellation-free forms against the textbook formulas at 3000 bits, the signs
of zeros and the limits against the model near 0 and far out, and directed rounding of far tails."""

import math
import os
import random
import sys
import unittest
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tools/

try:
    import mpmath
    from mpmath import mp, mpf

    from crosscheck.activation_eval import expected, value
    from crosscheck.activation_exact import limit, negative_beside_zero
    from crosscheck.activation_params import SMOOTH, Params
    from crosscheck.ieee import FORMATS, MODES
except ImportError:
    mpmath = None

LAMBDA = "1.0507009873554804934193349852946"
ALPHA = "1.6732632423543772848170429916717"


def textbook(fn, x, p):
    """The definition written directly, for a working precision far above the cancellation."""
    x = mpf(x)
    alpha, beta = mpf(p.alpha.numerator) / p.alpha.denominator, mpf(p.beta.numerator) / p.beta.denominator
    sig = lambda t: 1 / (1 + mpmath.exp(-t))  # noqa: E731
    if fn == "tanh":
        return mpmath.tanh(x)
    if fn == "softplus":
        return mpmath.log(1 + mpmath.exp(beta * x)) / beta
    if fn == "log-sigmoid":
        return mpmath.log(sig(x))
    if fn == "exponential":
        return mpmath.exp(x)
    if fn == "elu":
        return x if x > 0 else alpha * (mpmath.exp(x) - 1)
    if fn == "selu":
        return mpf(LAMBDA) * (x if x > 0 else mpf(ALPHA) * (mpmath.exp(x) - 1))
    if fn in ("swish", "silu"):
        return x * sig(beta * x)
    if fn == "gelu":
        return x * (1 + mpmath.erf(x / mpmath.sqrt(2))) / 2
    if fn == "gelu-tanh":
        return x / 2 * (1 + mpmath.tanh(mpmath.sqrt(2 / mpmath.pi) * (x + mpf("0.044715") * x ** 3)))
    if fn == "mish":
        return x * mpmath.tanh(mpmath.log(1 + mpmath.exp(x)))
    raise ValueError(fn)


def total(out):
    A, v, _ = out
    return mpf(A.numerator) / A.denominator + v


@unittest.skipIf(mpmath is None, "no mpmath")
class ActivationModelTests(unittest.TestCase):
    f = FORMATS["f64"] if mpmath else None

    def params(self, fn, **given):
        return Params(fn, self.f, {k: str(v) for k, v in given.items()})

    def test_the_forms_agree_with_the_textbook_formulas(self):
        r = random.Random(5)
        cases = [(fn, {}) for fn in SMOOTH] + [("softplus", {"beta": -2.5}), ("swish", {"beta": -0.25}),
                                              ("elu", {"alpha": -1.5})]
        for fn, given in cases:
            p = self.params(fn, **given)
            for _ in range(60):
                x = r.choice((1, -1)) * math.ldexp(1 + r.random(), r.randint(-12, 4))
                with mp.workprec(200):
                    got = total(value(fn, p, x))
                with mp.workprec(3000):
                    want = textbook(fn, x, p)
                    self.assertLess(abs(got - want), abs(want) * mpf(2) ** -180, (fn, given, x))

    def test_the_sign_of_an_exact_zero_is_the_side_of_f_beside_zero(self):
        for fn, given in [("tanh", {}), ("gelu", {}), ("gelu-tanh", {}), ("mish", {}), ("swish", {"beta": -1}),
                          ("elu", {}), ("elu", {"alpha": -1.5}), ("selu", {})]:
            p = self.params(fn, **given)
            for negative in (False, True):
                with mp.workprec(200):
                    beside = total(value(fn, p, -2.0 ** -1000 if negative else 2.0 ** -1000))
                self.assertEqual(negative_beside_zero(fn, p, negative), beside < 0, (fn, given, negative))
        self.assertFalse(negative_beside_zero("elu", self.params("elu", alpha=0), True))
        self.assertTrue(negative_beside_zero("leaky-relu", self.params("leaky-relu"), True))
        self.assertFalse(negative_beside_zero("relu", self.params("relu"), True))
        self.assertTrue(negative_beside_zero("relu", self.params("relu", alpha=0.5), True))

    def test_finite_limits_are_approached_far_out(self):
        for fn, given in [("tanh", {}), ("elu", {"alpha": 0.5}), ("selu", {})]:
            p = self.params(fn, **given)
            for negative in (False, True):
                lim = limit(fn, p, negative)
                if isinstance(lim, float):
                    continue
                with mp.workprec(200):
                    far = total(value(fn, p, -60.0 if negative else 60.0))
                    self.assertLess(abs(far - mpf(lim.numerator) / lim.denominator), mpf(2) ** -80, (fn, negative))

    def test_far_tails_round_by_their_side(self):
        one_below = 1 - 2.0 ** -53
        got, _, _ = expected("tanh", self.params("tanh"), self.f, 1e30, MODES)
        self.assertEqual([got[m] for m in MODES], [1.0, one_below, 1.0, one_below])
        got, _, _ = expected("exponential", self.params("exponential"), self.f, -1e30, MODES)
        self.assertEqual([got[m] for m in MODES], [0.0, 0.0, 5e-324, 0.0])
        got, _, _ = expected("gelu", self.params("gelu"), self.f, -1e300, MODES)
        self.assertEqual([got[m].hex() for m in MODES], ["-0x0.0p+0", "-0x0.0000000000001p-1022", "-0x0.0p+0",
                                                         "-0x0.0p+0"])
        x = 1e-300  # tanh x = x - x^3/3 + ...: just below x
        got, _, _ = expected("tanh", self.params("tanh"), self.f, x, MODES)
        self.assertEqual([got[m] for m in MODES], [x, x - math.ulp(x), x, x - math.ulp(x)])

if __name__ == "__main__":
    unittest.main()
