#!/usr/bin/env python3
"""JAX peer, on the CPU: jax.nn.softmax, jax.nn.log_softmax, jax.nn.logsumexp, jax.nn.sigmoid,
jax.jacfwd(softmax) for the Jacobian, and cross-entropy from logits written as Optax writes it
(-log_softmax(t)[label], or -sum(q * log_softmax(t)) for a target) with jax.grad for the gradient;
jax.vjp of softmax with the request's vector for softmax-vjp.

t = beta * x in the requested dtype: float16, bfloat16 (jnp.bfloat16), float32, float64 (x64 is
enabled at start-up; it changes nothing for the narrower dtypes). Each function is jax.jit-ed, as
JAX code is normally run, with beta as a traced argument, so XLA compiles once per (function, dtype,
length) and caches it. An empty row is passed through to JAX as is.
"""
import os
import sys
import warnings

os.environ.setdefault("JAX_PLATFORMS", "cpu")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tools/
from softmaxref_tools.protocol import Unsupported, serve  # noqa: E402

import jax  # noqa: E402

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402

warnings.simplefilter("ignore")

DTYPES = {"f16": jnp.float16, "bf16": jnp.bfloat16, "f32": jnp.float32, "f64": jnp.float64}


def _softmax(x, beta):
    return jax.nn.softmax(beta * x)


def _log_softmax(x, beta):
    return jax.nn.log_softmax(beta * x)


def _logsumexp(x, beta):
    return jnp.reshape(jax.nn.logsumexp(beta * x), (1,))


def _sigmoid(x, beta):
    return jax.nn.sigmoid(beta * x)


def _jacobian(x, beta):
    return jax.jacfwd(_softmax)(x, beta)


def _vjp(x, beta, v):
    _, pullback = jax.vjp(lambda y: _softmax(y, beta), x)
    return pullback(v)[0]


def _ce_label(x, beta, label):
    # As optax.softmax_cross_entropy_with_integer_labels: a traced label, so JAX's own
    # out-of-bounds convention for a dynamic index applies (no check of ours).
    return -jnp.take_along_axis(jax.nn.log_softmax(beta * x), jnp.reshape(label, (1,)), axis=-1)[0]


def _ce_target(x, beta, q):
    return -jnp.sum(q * jax.nn.log_softmax(beta * x))


JITTED = {
    "softmax": jax.jit(_softmax),
    "log-softmax": jax.jit(_log_softmax),
    "logsumexp": jax.jit(_logsumexp),
    "sigmoid": jax.jit(_sigmoid),
    "jacobian": jax.jit(_jacobian),
    "softmax-vjp": jax.jit(_vjp),
    "ce-label": jax.jit(jax.value_and_grad(_ce_label)),
    "ce-target": jax.jit(jax.value_and_grad(_ce_target)),
}


def host(a):
    """A JAX array as a NumPy array of the same dtype (bfloat16 via ml_dtypes)."""
    return np.asarray(jax.device_get(a))


def answer(req):
    dt = DTYPES[req.format]
    x = jnp.asarray(np.array(req.input, dtype=np.float64), dtype=dt)
    beta = jnp.asarray(req.beta, dtype=dt)
    f = req.function
    if f == "cross-entropy":
        if req.target is None:
            loss, grad = JITTED["ce-label"](x, beta, req.label)
        else:
            q = jnp.asarray(np.array(req.target, dtype=np.float64), dtype=dt)
            loss, grad = JITTED["ce-target"](x, beta, q)
        return {"output": host(jnp.reshape(loss, (1,))), "gradient": host(grad)}
    if f == "softmax-vjp":
        v = jnp.asarray(np.array(req.vector, dtype=np.float64), dtype=dt)
        return host(JITTED[f](x, beta, v))
    if f not in JITTED:
        raise Unsupported(f)
    return host(JITTED[f](x, beta))


if __name__ == "__main__":
    serve(answer, name="jax %s" % jax.__version__)
