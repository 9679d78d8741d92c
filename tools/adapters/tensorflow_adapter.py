#!/usr/bin/env python3
"""TensorFlow peer, on the CPU: tf.nn.softmax, tf.nn.log_softmax, tf.math.reduce_logsumexp,
tf.math.sigmoid along the last axis; tf.GradientTape.jacobian of x -> softmax(beta * x) for the
Jacobian; tf.nn.sparse_softmax_cross_entropy_with_logits (a label) or
tf.nn.softmax_cross_entropy_with_logits (a target) with the tape for the gradient with respect to x;
the tape's gradient of softmax(beta * x) with the request's vector as output_gradients for softmax-vjp.

t = beta * x in the requested dtype: float16, bfloat16, float32, float64.
An empty row is passed to TensorFlow as is; whatever it raises is reported.
"""
import os
import sys
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tools/
from softmaxref_tools.protocol import Unsupported, serve  # noqa: E402

import tensorflow as tf  # noqa: E402

warnings.simplefilter("ignore")
tf.config.threading.set_intra_op_parallelism_threads(1)
tf.config.threading.set_inter_op_parallelism_threads(1)

DTYPES = {"f16": tf.float16, "bf16": tf.bfloat16, "f32": tf.float32, "f64": tf.float64}


def tensor(values, dt):
    # Through float64, which holds every value of the narrower formats exactly.
    return tf.cast(tf.constant(values, dtype=tf.float64), dt)


def answer(req):
    dt = DTYPES[req.format]
    x = tensor(req.input, dt)
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
