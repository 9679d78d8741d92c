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

The activations are the textbook formulas written with NumPy ufuncs (`ACTIVATIONS` below), every
constant cast to the dtype first so that nothing is promoted to float64; gelu is unsupported
(NumPy has no erf).
"""
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tools/
from softmaxref_tools.activations import parameters  # noqa: E402
from softmaxref_tools.protocol import ACTIVATIONS, Unsupported  # noqa: E402
from packed import serve  # noqa: E402  (the plain and the packed form)

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


SELU_ALPHA = 1.6732632423543772848170429916717
SELU_LAMBDA = 1.0507009873554804934193349852946


def relu(x, dt, alpha, max_value, threshold):
    """Keras 3's relu, written with NumPy: clip(x·[x > t], 0, M) − α·max(t − x, 0)."""
    zero = dt(0)
    # x·[x > t] as Keras computes it (a NaN stays NaN; a product below 0 when t < 0 is clipped next).
    y = x * (x > dt(threshold)).astype(dt) if threshold != 0 else np.maximum(x, zero)
    if max_value is not None:
        y = np.clip(y, zero, dt(max_value))
    if alpha != 0:
        y = y - dt(alpha) * np.maximum(dt(threshold) - x, zero)
    return y


def activation(req, dt, x):
    """The activation of the request on the array x, every operation in dtype dt."""
    f = req.function
    c = dt  # constants in the dtype: a float64 scalar would promote the whole expression
    if f in ("relu", "leaky-relu", "elu", "softplus", "swish", "silu"):
        p = parameters(req, honoured=("alpha", "beta", "max_value", "threshold"))
    if f == "tanh":
        return np.tanh(x)
    if f == "softplus":
        b = c(p["beta"])
        return np.logaddexp(c(0), b * x) / b
    if f == "log-sigmoid":
        return -np.logaddexp(c(0), -x)
    if f == "softsign":
        return x / (c(1) + np.abs(x))
    if f == "exponential":
        return np.exp(x)
    if f == "elu":
        return np.where(x > c(0), x, c(p["alpha"]) * np.expm1(x))
    if f == "selu":
        return c(SELU_LAMBDA) * np.where(x > c(0), x, c(SELU_ALPHA) * np.expm1(x))
    if f in ("swish", "silu"):
        return x / (c(1) + np.exp(-c(p["beta"]) * x))
    if f == "gelu":
        raise Unsupported("NumPy has no erf")
    if f == "gelu-tanh":
        return c(0.5) * x * (c(1) + np.tanh(c(np.sqrt(2 / np.pi)) * (x + c(0.044715) * x ** 3)))
    if f == "mish":
        return x * np.tanh(np.logaddexp(c(0), x))
    if f == "relu":
        return relu(x, dt, p["alpha"], p["max_value"], p["threshold"])
    if f == "relu6":
        return np.clip(x, c(0), c(6))
    if f == "leaky-relu":
        return np.where(x >= c(0), x, c(p["alpha"]) * x)
    if f == "hard-sigmoid":
        return np.clip((x + c(3)) / c(6), c(0), c(1))
    if f == "hard-swish":
        return x * np.clip((x + c(3)) / c(6), c(0), c(1))
    if f == "linear":
        return x
    raise Unsupported(f)


def answer(req):
    dt = DTYPES.get(req.format)
    if dt is None:
        raise Unsupported("NumPy has no %s dtype" % req.format)
    if req.function in ACTIVATIONS:
        out = activation(req, dt, np.array(req.input, dtype=dt))
        if out.dtype != dt:
            raise TypeError("the %s formula was promoted to %s" % (req.function, out.dtype))
        return out
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
