#!/usr/bin/env python3
"""SciPy peer: scipy.special.softmax, log_softmax, logsumexp and expit on t = beta * x.

Formats f16, f32, f64 (NumPy arrays of that dtype; no bfloat16). Each result is cast to the
requested dtype when SciPy returns a wider one (expit of float16 returns float64 in SciPy 1.17),
as storing it into an array of that dtype would. SciPy has no softmax Jacobian, no
vector-Jacobian product and no cross-entropy, so those are answered "unsupported" (the NumPy adapter measures the hand-written
idiom for them).

Activations: the ones built on scipy.special, each SciPy result cast to the dtype at once and the
rest of the formula computed in it: log-sigmoid = log_expit(x), softplus = −log_expit(−βx)/β,
swish/silu = x·expit(βx), gelu = x/2·(1 + erf(x/√2)) (the textbook form), mish =
x·tanh(−log_expit(−x)). SciPy has nothing for the others: they are unsupported (the NumPy adapter
measures their ufunc formulas).
"""
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tools/
from softmaxref_tools.activations import parameters  # noqa: E402
from softmaxref_tools.protocol import ACTIVATIONS, Unsupported  # noqa: E402
from packed import serve  # noqa: E402  (the plain and the packed form)

import numpy as np  # noqa: E402
import scipy  # noqa: E402
import scipy.special as sp  # noqa: E402

np.seterr(all="ignore")
warnings.simplefilter("ignore")

DTYPES = {"f16": np.float16, "f32": np.float32, "f64": np.float64}


def activation(req, dt, x):
    """The activations written on scipy.special; each of its results cast to dt at once."""
    def special(fn, a):
        return np.asarray(fn(a)).astype(dt)

    f = req.function
    if f == "log-sigmoid":
        return special(sp.log_expit, x)
    if f == "softplus":
        b = dt(parameters(req, honoured=("beta",))["beta"])
        return -special(sp.log_expit, -(b * x)) / b
    if f in ("swish", "silu"):
        b = dt(parameters(req, honoured=("beta",))["beta"])
        return x * special(sp.expit, b * x)
    if f == "gelu":
        return dt(0.5) * x * (dt(1) + special(sp.erf, x / dt(np.sqrt(2))))
    if f == "mish":
        return x * np.tanh(-special(sp.log_expit, -x))
    raise Unsupported("SciPy has no %s" % f)


def answer(req):
    dt = DTYPES.get(req.format)
    if dt is None:
        raise Unsupported("SciPy works on NumPy dtypes; there is no %s" % req.format)
    if req.function in ACTIVATIONS:
        out = activation(req, dt, np.array(req.input, dtype=dt))
        if out.dtype != dt:
            raise TypeError("the %s formula was promoted to %s" % (req.function, out.dtype))
        return out
    t = dt(req.beta) * np.array(req.input, dtype=dt)
    f = req.function
    if f == "softmax":
        out = sp.softmax(t)
    elif f == "log-softmax":
        out = sp.log_softmax(t)
    elif f == "logsumexp":
        out = [sp.logsumexp(t)]
    elif f == "sigmoid":
        out = sp.expit(t)
    else:
        raise Unsupported("SciPy has no %s" % f)
    return np.asarray(out).astype(dt)


if __name__ == "__main__":
    serve(answer, name="scipy %s" % scipy.__version__)
