#!/usr/bin/env python3
"""JAX peer, on the CPU: jax.nn.softmax, jax.nn.log_softmax, jax.nn.logsumexp, jax.nn.sigmoid,
jax.jacfwd(softmax) for the Jacobian, and cross-entropy from logits written as Optax writes it
(-log_softmax(t)[label], or -sum(q * log_softmax(t)) for a target) with jax.grad for the gradient;
jax.vjp of softmax with the request's vector for softmax-vjp.

t = beta * x in the requested dtype: float16, bfloat16 (jnp.bfloat16), float32, float64 (x64 is
enabled at start-up; it changes nothing for the narrower dtypes). Each function is jax.jit-ed, as
JAX code is normally run, with beta as a traced argument, so XLA compiles once per (function, dtype,
length) and caches it. An empty row is passed through to JAX as is.

Activations: jnp.tanh, jax.nn.softplus, log_sigmoid, soft_sign, jnp.exp, jax.nn.elu (alpha),
selu, silu (swish), gelu (approximate=False; gelu-tanh approximate=True), mish, relu, relu6,
leaky_relu (negative_slope), hard_sigmoid, hard_swish, identity; jitted with the parameter a
traced scalar of the dtype. β ≠ 1 (softplus, swish) and relu's alpha, max_value and threshold are
unsupported: jax.nn has no such arguments. A function this JAX lacks is unsupported by the probe.
"""
import os
import sys
import warnings

os.environ.setdefault("JAX_PLATFORMS", "cpu")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tools/
from softmaxref_tools.activations import parameters  # noqa: E402
from softmaxref_tools.protocol import ACTIVATIONS, Unsupported  # noqa: E402
from packed import serve  # noqa: E402  (the plain and the packed form)

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


# name -> function of (x, alpha); alpha is elu's and leaky_relu's, a traced scalar of x's dtype.
# jax.nn.NAME is looked up when first traced: a JAX without it fails the probe.
_ACTIVATION = {
    "tanh": lambda x, a: jnp.tanh(x),
    "softplus": lambda x, a: jax.nn.softplus(x),
    "log-sigmoid": lambda x, a: jax.nn.log_sigmoid(x),
    "softsign": lambda x, a: jax.nn.soft_sign(x),
    "exponential": lambda x, a: jnp.exp(x),
    "elu": lambda x, a: jax.nn.elu(x, a),
    "selu": lambda x, a: jax.nn.selu(x),
    "swish": lambda x, a: jax.nn.swish(x),
    "silu": lambda x, a: jax.nn.silu(x),
    "gelu": lambda x, a: jax.nn.gelu(x, approximate=False),
    "gelu-tanh": lambda x, a: jax.nn.gelu(x, approximate=True),
    "mish": lambda x, a: jax.nn.mish(x),
    "relu": lambda x, a: jax.nn.relu(x),
    "relu6": lambda x, a: jax.nn.relu6(x),
    "leaky-relu": lambda x, a: jax.nn.leaky_relu(x, a),
    "hard-sigmoid": lambda x, a: jax.nn.hard_sigmoid(x),
    "hard-swish": lambda x, a: jax.nn.hard_swish(x),
    "linear": lambda x, a: jax.nn.identity(x),
}
ACTIVATION_JITTED = {name: jax.jit(fn) for name, fn in _ACTIVATION.items()}


def activation(req, dt, x):
    p = parameters(req, honoured=("alpha",) if req.function in ("elu", "leaky-relu") else ())
    alpha = p.get("alpha", 0.0)  # relu's is its default 0 here, and unused
    return host(ACTIVATION_JITTED[req.function](x, jnp.asarray(alpha, dtype=dt)))


def host(a):
    """A JAX array as a NumPy array of the same dtype (bfloat16 via ml_dtypes)."""
    return np.asarray(jax.device_get(a))


def answer(req):
    dt = DTYPES[req.format]
    x = jnp.asarray(np.array(req.input, dtype=np.float64), dtype=dt)
    beta = jnp.asarray(req.beta, dtype=dt)
    f = req.function
    if f in ACTIVATIONS:
        return activation(req, dt, x)
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
