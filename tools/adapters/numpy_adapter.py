#!/usr/bin/env python3
"""NumPy peer: the max-shift idiom that people write by hand (NumPy has no softmax).

    e = np.exp(t - t.max()); e / e.sum()                      softmax
    t - t.max() - np.log(np.sum(np.exp(t - t.max())))          log-softmax
    m + np.log(np.sum(np.exp(t - m))), m = t.max()             logsumexp
    1 / (1 + np.exp(-t))                                       sigmoid
    beta * (np.diag(s) - np.outer(s, s))                       jacobian
    -sum(q * log_softmax(t)), beta * (s * sum(q) - q)          cross-entropy (label: -log_softmax(t)[label])
    beta * s * (v - np.dot(v, s))                              softmax-vjp

with t = beta * x, all in the requested dtype (float16, float32, float64; NumPy has no bfloat16).
An empty row raises NumPy's ValueError (max of an empty array), which is reported as such.
"""
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tools/
from softmaxref_tools.protocol import Unsupported, serve  # noqa: E402

import numpy as np  # noqa: E402

np.seterr(all="ignore")  # overflow/invalid warnings change no value; keep stderr quiet
warnings.simplefilter("ignore")

DTYPES = {"f16": np.float16, "f32": np.float32, "f64": np.float64}


def softmax(t):
    e = np.exp(t - t.max())
    return e / e.sum()


def log_softmax(t):
    m = t.max()
    return t - m - np.log(np.sum(np.exp(t - m)))


def logsumexp(t):
    m = t.max()
    return m + np.log(np.sum(np.exp(t - m)))


def answer(req):
    dt = DTYPES.get(req.format)
    if dt is None:
        raise Unsupported("NumPy has no %s dtype" % req.format)
    beta = dt(req.beta)
    x = np.array(req.input, dtype=dt)
    t = beta * x
    f = req.function
    if f == "softmax":
        out = softmax(t)
    elif f == "log-softmax":
        out = log_softmax(t)
    elif f == "logsumexp":
        out = np.array([logsumexp(t)], dtype=dt)
    elif f == "sigmoid":
        out = dt(1) / (dt(1) + np.exp(-t))
    elif f == "jacobian":
        s = softmax(t)
        out = beta * (np.diag(s) - np.outer(s, s))
    elif f == "cross-entropy":
        q = np.array(req.distribution(), dtype=dt)
        ls = log_softmax(t)
        loss = -ls[req.label] if req.target is None else -np.sum(q * ls)
        s = softmax(t)
        grad = beta * (s * q.sum() - q)
        return {"output": np.array([loss], dtype=dt), "gradient": grad.astype(dt)}
    elif f == "softmax-vjp":
        v = np.array(req.vector, dtype=dt)
        s = softmax(t)
        out = beta * s * (v - np.dot(v, s))
    else:
        raise Unsupported(f)
    return np.asarray(out).astype(dt)


if __name__ == "__main__":
    serve(answer, name="numpy %s" % np.__version__)
