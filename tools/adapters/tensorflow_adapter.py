#!/usr/bin/env python3
"""TensorFlow peer, on the CPU: tf.nn.softmax, tf.nn.log_softmax, tf.math.reduce_logsumexp,
tf.math.sigmoid along the last axis; tf.GradientTape.jacobian of x -> softmax(beta * x) for the
Jacobian; tf.nn.sparse_softmax_cross_entropy_with_logits (a label) or
tf.nn.softmax_cross_entropy_with_logits (a target) with the tape for the gradient with respect to x;
the tape's gradient of softmax(beta * x) with the request's vector as output_gradients for softmax-vjp.

t = beta * x in the requested dtype: float16, bfloat16, float32, float64.
An empty row is passed to TensorFlow as is; whatever it raises is reported.

Activations: tf.keras.activations (Keras 3 on the TensorFlow backend, run eagerly) on a tensor of
the dtype: tanh, softplus, log_sigmoid, softsign, exponential, elu (alpha), selu, silu (swish,
silu; tf.nn.silu(x, beta) when β ≠ 1), gelu (approximate=False; True for gelu-tanh), mish, relu
(negative_slope, max_value, threshold: all of Keras' relu), relu6, leaky_relu (negative_slope,
given explicitly: Keras' default is 0.2, the protocol's 0.01), hard_sigmoid, hard_silu, linear.
softplus with β ≠ 1 is unsupported (no argument for it).
"""
import os
import sys
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tools/
from softmaxref_tools.activations import parameters  # noqa: E402
from softmaxref_tools.protocol import Unsupported  # noqa: E402
from packed import serve  # noqa: E402  (the plain and the packed form)

import tensorflow as tf  # noqa: E402

warnings.simplefilter("ignore")
tf.config.threading.set_intra_op_parallelism_threads(1)
tf.config.threading.set_inter_op_parallelism_threads(1)

DTYPES = {"f16": tf.float16, "bf16": tf.bfloat16, "f32": tf.float32, "f64": tf.float64}


def tensor(values, dt):
    # Through float64, which holds every value of the narrower formats exactly.
    return tf.cast(tf.constant(values, dtype=tf.float64), dt)


K = tf.keras.activations


def swish(x, p):
    return K.silu(x) if p["beta"] == 1 else tf.nn.silu(x, beta=p["beta"])


# name -> function of (x, parameters); the second item: the parameters Keras has arguments for
ACTIVATION = {
    "tanh": (lambda x, p: K.tanh(x), ()),
    "softplus": (lambda x, p: K.softplus(x), ()),
    "log-sigmoid": (lambda x, p: K.log_sigmoid(x), ()),
    "softsign": (lambda x, p: K.softsign(x), ()),
    "exponential": (lambda x, p: K.exponential(x), ()),
    "elu": (lambda x, p: K.elu(x, alpha=p["alpha"]), ("alpha",)),
    "selu": (lambda x, p: K.selu(x), ()),
    "swish": (swish, ("beta",)),
    "silu": (swish, ("beta",)),
    "gelu": (lambda x, p: K.gelu(x, approximate=False), ()),
    "gelu-tanh": (lambda x, p: K.gelu(x, approximate=True), ()),
    "mish": (lambda x, p: K.mish(x), ()),
    "relu": (lambda x, p: K.relu(x, negative_slope=p["alpha"], max_value=p["max_value"], threshold=p["threshold"]),
             ("alpha", "max_value", "threshold")),
    "relu6": (lambda x, p: K.relu6(x), ()),
    "leaky-relu": (lambda x, p: K.leaky_relu(x, negative_slope=p["alpha"]), ("alpha",)),
    "hard-sigmoid": (lambda x, p: K.hard_sigmoid(x), ()),
    "hard-swish": (lambda x, p: K.hard_silu(x), ()),
    "linear": (lambda x, p: K.linear(x), ()),
}


def answer(req):
    dt = DTYPES[req.format]
    x = tensor(req.input, dt)
    if req.function in ACTIVATION:
        fn, honoured = ACTIVATION[req.function]
        out = fn(x, parameters(req, honoured=honoured))
        if out.dtype != dt:
            raise TypeError("Keras returned %s for %s input" % (out.dtype.name, dt.name))
        return tf.cast(out, tf.float64).numpy()  # exact: float64 holds every value of the dtype
    beta = tensor(req.beta, dt)
    f = req.function
    if f == "softmax":
        out = tf.nn.softmax(beta * x, axis=-1)
    elif f == "log-softmax":
        out = tf.nn.log_softmax(beta * x, axis=-1)
    elif f == "logsumexp":
        out = tf.reshape(tf.math.reduce_logsumexp(beta * x, axis=-1), [1])
    elif f == "sigmoid":
        out = tf.math.sigmoid(beta * x)
    elif f == "jacobian":
        with tf.GradientTape() as tape:
            tape.watch(x)
            s = tf.nn.softmax(beta * x, axis=-1)
        out = tape.jacobian(s, x)
    elif f == "cross-entropy":
        with tf.GradientTape() as tape:
            tape.watch(x)
            logits = tf.expand_dims(beta * x, 0)
            if req.target is None:
                loss = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=[req.label], logits=logits)
            else:
                loss = tf.nn.softmax_cross_entropy_with_logits(labels=tf.expand_dims(tensor(req.target, dt), 0), logits=logits)
        gradient = tape.gradient(loss, x)
        return {"output": tf.cast(tf.reshape(loss, [1]), tf.float64).numpy(), "gradient": tf.cast(gradient, tf.float64).numpy()}
    elif f == "softmax-vjp":
        with tf.GradientTape() as tape:
            tape.watch(x)
            s = tf.nn.softmax(beta * x, axis=-1)
        out = tape.gradient(s, x, output_gradients=tensor(req.vector, dt))
    else:
        raise Unsupported(f)
    return tf.cast(tf.cast(out, dt), tf.float64).numpy()


if __name__ == "__main__":
    serve(answer, name="tensorflow %s" % tf.__version__)
