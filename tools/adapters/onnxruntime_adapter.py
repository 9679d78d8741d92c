#!/usr/bin/env python3
"""ONNX Runtime peer (CPU execution provider, one intra-op thread).

Each request runs a one-node ONNX model built with onnx.helper (opset 18): Softmax, LogSoftmax
(axis -1; their semantics are those of opset 13), Sigmoid, or ReduceLogSumExp (axes given as an
input, keepdims 1). For float16, ONNX Runtime 1.32's CPU provider wraps these nodes in Casts to
float32 (and runs Softmax/LogSoftmax as the operator's function body: ReduceMax, Sub, Exp,
ReduceSum, Div or Log and Sub); that is what is measured. Sessions
are cached per (op, dtype, length). t = beta * x is computed in NumPy in the requested dtype
before the model (one IEEE multiplication, as ONNX Runtime's Mul node would do it).

Formats: f16, f32, f64 where the CPU provider has a kernel for the op and dtype; a session that
cannot be created for a dtype ("NOT_IMPLEMENTED") makes that (function, format) unsupported through
the protocol's probe. bf16 is unsupported (no bfloat16 kernels for these ops on the CPU provider and
no bfloat16 in NumPy). The Jacobian, softmax-vjp and cross-entropy are unsupported: ONNX has no
Jacobian op, and no gradient (of Softmax or SoftmaxCrossEntropyLoss) in an inference build.

Activations: one node on x itself (opset 20, a symbolic length; `ACTIVATION_NODES`): Tanh, Softplus,
Softsign, Exp, Elu (alpha), Selu (its default attributes, the float32 roundings of the paper's
constants), Swish (opset 24, alpha = β) for swish and silu, Gelu (approximate "none" or "tanh"),
Mish, Relu, Clip(0, 6) for relu6, LeakyRelu (alpha), HardSigmoid (alpha = 1/6, beta = 0.5),
HardSwish, Identity for linear. ONNX has no log-sigmoid op (unsupported), and Softplus and Relu have
no β, α, max_value or threshold (unsupported unless the defaults). Attributes are float32, as ONNX
defines them: α is passed as the request's value, converted to float32.
"""
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tools/
from softmaxref_tools.activations import parameters  # noqa: E402
from softmaxref_tools.protocol import ACTIVATIONS, Unsupported  # noqa: E402
from packed import serve  # noqa: E402  (the plain and the packed form)

import numpy as np  # noqa: E402
import onnx  # noqa: E402
import onnxruntime as ort  # noqa: E402
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

np.seterr(all="ignore")
warnings.simplefilter("ignore")
ort.set_default_logger_severity(3)

DTYPES = {
    "f16": (np.float16, TensorProto.FLOAT16),
    "f32": (np.float32, TensorProto.FLOAT),
    "f64": (np.float64, TensorProto.DOUBLE),
}
OPS = {"softmax": "Softmax", "log-softmax": "LogSoftmax", "sigmoid": "Sigmoid", "logsumexp": "ReduceLogSumExp"}
SESSIONS = {}


def build(op, elem, n):
    x = helper.make_tensor_value_info("x", elem, [n])
    if op == "ReduceLogSumExp":
        y = helper.make_tensor_value_info("y", elem, [1])
        axes = helper.make_tensor("axes", TensorProto.INT64, [1], [0])
        node = helper.make_node(op, ["x", "axes"], ["y"], keepdims=1)
        graph = helper.make_graph([node], "peer", [x], [y], initializer=[axes])
        opset = 18
    else:
        y = helper.make_tensor_value_info("y", elem, [n])
        attrs = {"axis": -1} if op in ("Softmax", "LogSoftmax") else {}
        node = helper.make_node(op, ["x"], ["y"], **attrs)
        graph = helper.make_graph([node], "peer", [x], [y])
        opset = 18
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = 8
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    return ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])


def session(op, fmt, n):
    key = (op, fmt, n)
    if key not in SESSIONS:
        if len(SESSIONS) > 2000:
            SESSIONS.clear()
        SESSIONS[key] = build(op, DTYPES[fmt][1], n)
    return SESSIONS[key]


# function -> (op, opset, the request parameter that is the node's "alpha" attribute, fixed attributes)
ACTIVATION_NODES = {
    "tanh": ("Tanh", 20, None, {}),
    "softplus": ("Softplus", 20, None, {}),
    "softsign": ("Softsign", 20, None, {}),
    "exponential": ("Exp", 20, None, {}),
    "elu": ("Elu", 20, "alpha", {}),
    "selu": ("Selu", 20, None, {}),
    "swish": ("Swish", 24, "beta", {}),
    "silu": ("Swish", 24, "beta", {}),
    "gelu": ("Gelu", 20, None, {"approximate": "none"}),
    "gelu-tanh": ("Gelu", 20, None, {"approximate": "tanh"}),
    "mish": ("Mish", 20, None, {}),
    "relu": ("Relu", 20, None, {}),
    "relu6": ("Clip", 20, None, {}),
    "leaky-relu": ("LeakyRelu", 20, "alpha", {}),
    "hard-sigmoid": ("HardSigmoid", 20, None, {"alpha": 1 / 6, "beta": 0.5}),
    "hard-swish": ("HardSwish", 20, None, {}),
    "linear": ("Identity", 20, None, {}),
}


def build_activation(function, fmt, alpha):
    """A one-node model of the activation on a vector of any length."""
    op, opset, alpha_key, attrs = ACTIVATION_NODES[function]
    dt, elem = DTYPES[fmt]
    attrs = dict(attrs)
    if alpha_key is not None:
        attrs["alpha"] = alpha
    inputs, initializer = ["x"], []
    if op == "Clip":  # relu6: min and max are inputs of the tensor's type
        initializer = [numpy_helper.from_array(np.array(v, dtype=dt), name) for name, v in (("lo", 0), ("hi", 6))]
        inputs = ["x", "lo", "hi"]
    node = helper.make_node(op, inputs, ["y"], **attrs)
    graph = helper.make_graph([node], "peer", [helper.make_tensor_value_info("x", elem, ["n"])],
                              [helper.make_tensor_value_info("y", elem, ["n"])], initializer=initializer)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = 10 if opset < 24 else 11
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    return ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])


def activation(req, dt, x):
    if req.function not in ACTIVATION_NODES:
        raise Unsupported("ONNX has no %s op" % req.function)
    alpha_key = ACTIVATION_NODES[req.function][2]
    p = parameters(req, honoured=(alpha_key,) if alpha_key else ())
    alpha = float(p[alpha_key]) if alpha_key else None
    key = (req.function, req.format, alpha)
    if key not in SESSIONS:
        if len(SESSIONS) > 2000:
            SESSIONS.clear()
        SESSIONS[key] = build_activation(req.function, req.format, alpha)
    (y,) = SESSIONS[key].run(["y"], {"x": x})
    return np.asarray(y).astype(dt).reshape(-1)


def answer(req):
    if req.format not in DTYPES:
        raise Unsupported("no %s kernels on the CPU provider" % req.format)
    if req.function in ACTIVATIONS:
        dt = DTYPES[req.format][0]
        return activation(req, dt, np.array(req.input, dtype=dt))
    op = OPS.get(req.function)
    if op is None:
        raise Unsupported("ONNX has no %s op" % req.function)
    dt = DTYPES[req.format][0]
    t = dt(req.beta) * np.array(req.input, dtype=dt)
    (y,) = session(op, req.format, len(req.input)).run(["y"], {"x": t})
    return np.asarray(y).astype(dt).reshape(-1)


if __name__ == "__main__":
    serve(answer, name="onnxruntime %s (onnx %s)" % (ort.__version__, onnx.__version__))
