#!/usr/bin/env python3
"""SciPy peer: scipy.special.softmax, log_softmax, logsumexp and expit on t = beta * x.

Formats f16, f32, f64 (NumPy arrays of that dtype; no bfloat16). Each result is cast to the
requested dtype when SciPy returns a wider one (expit of float16 returns float64 in SciPy 1.17),
as storing it into an array of that dtype would. SciPy has no softmax Jacobian, no
vector-Jacobian product and no cross-entropy, so those are answered "unsupported" (the NumPy adapter measures the hand-written
idiom for them).
"""
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tools/
from softmaxref_tools.protocol import Unsupported, serve  # noqa: E402

import numpy as np  # noqa: E402
import scipy  # noqa: E402
import scipy.special as sp  # noqa: E402

np.seterr(all="ignore")
warnings.simplefilter("ignore")

DTYPES = {"f16": np.float16, "f32": np.float32, "f64": np.float64}


def answer(req):
    dt = DTYPES.get(req.format)
    if dt is None:
        raise Unsupported("SciPy works on NumPy dtypes; there is no %s" % req.format)
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
