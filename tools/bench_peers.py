#!/usr/bin/env python3
"""Times peer softmax implementations on the kernel benchmark shapes; one JSON object per line.

Peers: NumPy (the max-shift idiom), SciPy (scipy.special.softmax), JAX (jax.nn.softmax on CPU,
jitted), PyTorch (torch.softmax on CPU, 1 thread and its default) and ONNX Runtime (the Softmax
operator, 1 thread and its default), in float32 and float64; a peer that is not installed is skipped.
Keys: peer, type, rows, n, threads, ns_per_element, and max_ulp_wide: the worst error in ulps on
rows drawn from N(0, 30^2) (n = 1000), measured against a long double (x87, 64-bit) computation.

With --activations it times the activations instead (activation_peers): each peer's own operator
for every activation it has, on 10^6 elements N(0, 3^2)-like, one thread (JAX with XLA's CPU
threading off), in float32 and float64; keys as above plus "function", without max_ulp_wide.

Run through tools/bench-compare, which installs what this needs into tools/.venv-bench.
"""
import json
import os
import sys
import time

import numpy as np

try:
    import torch
    default_torch_threads = torch.get_num_threads()
except ImportError:
    default_torch_threads = 1

SHAPES = [(4096, 1024), (65536, 16), (1, 1_000_000), (8192, 128)]
QUICK = "--quick" in sys.argv
ACTIVATIONS = "--activations" in sys.argv
if ACTIVATIONS:
    # One thread for XLA's CPU backend (set before jax is imported).
    os.environ["XLA_FLAGS"] = os.environ.get("XLA_FLAGS", "") + " --xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
if QUICK:
    SHAPES = [(r // 8, n) if r >= 8 else (r, n // 8) for r, n in SHAPES]
BUDGET = 0.05 if QUICK else 0.3


def best_time(fn, x):
    fn(x)  # warm up (and compile, for JAX)
    best, spent, runs = float("inf"), 0.0, 0
    while spent < BUDGET or runs < 3:
        t0 = time.perf_counter()
        fn(x)
        dt = time.perf_counter() - t0
        best, spent, runs = min(best, dt), spent + dt, runs + 1
    return best


def numpy_softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def peers(dtype):
    out = [("numpy", 1, numpy_softmax)]
    try:
        import scipy.special
        out.append(("scipy", 1, lambda x: scipy.special.softmax(x, axis=-1)))
    except ImportError:
        pass
    try:
        os.environ.setdefault("JAX_PLATFORMS", "cpu")
        import jax
        jax.config.update("jax_enable_x64", True)
        f = jax.jit(jax.nn.softmax)
        out.append(("jax", 0, lambda x: f(x).block_until_ready()))
    except ImportError:
        pass
    try:
        import torch
        for threads in (1, 0):
            def run(x, t=threads):
                torch.set_num_threads(t or default_torch_threads)
                return torch.softmax(torch.from_numpy(x), dim=-1).numpy()
            out.append(("pytorch", threads, run))
    except ImportError:
        pass
    try:
        import onnx
        import onnxruntime as ort
        from onnx import TensorProto, helper
        et = TensorProto.FLOAT if dtype == np.float32 else TensorProto.DOUBLE
        graph = helper.make_graph(
            [helper.make_node("Softmax", ["x"], ["y"], axis=-1)], "softmax",
            [helper.make_tensor_value_info("x", et, None)], [helper.make_tensor_value_info("y", et, None)])
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]).SerializeToString()
        for threads in (1, 0):
            so = ort.SessionOptions()
            so.intra_op_num_threads = threads
            sess = ort.InferenceSession(model, so, providers=["CPUExecutionProvider"])
            out.append(("onnxruntime", threads, lambda x, s=sess: s.run(None, {"x": x})[0]))
    except ImportError:
        pass
    return out


def max_ulp_wide(fn, dtype):
    rng = np.random.default_rng(4)
    x = (rng.standard_normal((100, 1000)) * 30).astype(dtype)
    y = np.asarray(fn(x), dtype=np.float64)
    xl = x.astype(np.longdouble)
    e = np.exp(xl - xl.max(axis=-1, keepdims=True))  # x - max is exact in long double for these rows
    ref = e / e.sum(axis=-1, keepdims=True)
    tiny = np.finfo(dtype).smallest_subnormal
    ulp = np.spacing(np.maximum(np.abs(ref), np.finfo(dtype).tiny).astype(dtype)).astype(np.longdouble)
    ulp = np.maximum(ulp, tiny)
    return float(np.max(np.abs(y.astype(np.longdouble) - ref) / ulp))


def activation_peers(dtype):
    """(peer, function, callable) for every activation a peer offers as an operator or a documented idiom."""
    out = []
    sqrt_half = np.sqrt(0.5).astype(dtype)
    numpy_ops = {
        "tanh": np.tanh, "exponential": np.exp, "softsign": lambda x: x / (1 + np.abs(x)),
        "softplus": lambda x: np.logaddexp(0, x), "elu": lambda x: np.where(x > 0, x, np.expm1(x)),
        "relu": lambda x: np.maximum(x, 0), "relu6": lambda x: np.clip(x, 0, 6),
        "leaky-relu": lambda x: np.where(x >= 0, x, x * dtype(0.01)),
        "hard-sigmoid": lambda x: np.clip((x + 3) / 6, 0, 1), "hard-swish": lambda x: x * np.clip((x + 3) / 6, 0, 1),
    }
    try:
        import scipy.special as sp
        numpy_ops.update({
            "log-sigmoid": sp.log_expit, "swish": lambda x: x * sp.expit(x), "silu": lambda x: x * sp.expit(x),
            "gelu": lambda x: x * (dtype(0.5) * sp.erfc(-x * sqrt_half)),
        })
    except ImportError:
        pass
    out += [("numpy", f, fn) for f, fn in numpy_ops.items()]
    try:
        import torch
        import torch.nn.functional as F
        torch.set_num_threads(1)
        torch_ops = {
            "tanh": torch.tanh, "softplus": F.softplus, "log-sigmoid": F.logsigmoid, "softsign": F.softsign,
            "exponential": torch.exp, "elu": F.elu, "selu": F.selu, "swish": F.silu, "silu": F.silu, "gelu": F.gelu,
            "gelu-tanh": lambda x: F.gelu(x, approximate="tanh"), "mish": F.mish, "relu": F.relu, "relu6": F.relu6,
            "leaky-relu": F.leaky_relu, "hard-sigmoid": F.hardsigmoid, "hard-swish": F.hardswish,
        }
        out += [("pytorch", f, lambda x, g=g: g(torch.from_numpy(x)).numpy()) for f, g in torch_ops.items()]
    except ImportError:
        pass
    try:
        os.environ.setdefault("JAX_PLATFORMS", "cpu")
        import jax
        jax.config.update("jax_enable_x64", True)
        nn = jax.nn
        jax_ops = {
            "tanh": jax.numpy.tanh, "softplus": nn.softplus, "log-sigmoid": nn.log_sigmoid, "softsign": nn.soft_sign,
            "exponential": jax.numpy.exp, "elu": nn.elu, "selu": nn.selu, "swish": nn.swish, "silu": nn.silu,
            "gelu": lambda x: nn.gelu(x, approximate=False), "gelu-tanh": lambda x: nn.gelu(x, approximate=True),
            "relu": nn.relu, "relu6": nn.relu6, "leaky-relu": nn.leaky_relu, "hard-sigmoid": nn.hard_sigmoid,
            "hard-swish": nn.hard_swish,
        }
        if hasattr(nn, "mish"):
            jax_ops["mish"] = nn.mish
        for f, g in jax_ops.items():
            jitted = jax.jit(g)
            out.append(("jax", f, lambda x, j=jitted: j(x).block_until_ready()))
    except ImportError:
        pass
    try:
        import onnx
        import onnxruntime as ort
        from onnx import TensorProto, helper
        et = TensorProto.FLOAT if dtype == np.float32 else TensorProto.DOUBLE
        ops = {
            "tanh": [("Tanh", {})], "softplus": [("Softplus", {})], "softsign": [("Softsign", {})], "exponential": [("Exp", {})],
            "elu": [("Elu", {})], "selu": [("Selu", {})], "relu": [("Relu", {})], "leaky-relu": [("LeakyRelu", {})],
            "hard-sigmoid": [("HardSigmoid", {"alpha": 1 / 6, "beta": 0.5})], "hard-swish": [("HardSwish", {})],
            "mish": [("Mish", {})], "gelu": [("Gelu", {})], "gelu-tanh": [("Gelu", {"approximate": "tanh"})],
        }
        for f, nodes in ops.items():
            (op, attrs), = nodes
            graph = helper.make_graph([helper.make_node(op, ["x"], ["y"], **attrs)], f,
                                      [helper.make_tensor_value_info("x", et, None)], [helper.make_tensor_value_info("y", et, None)])
            model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 20)]).SerializeToString()
            so = ort.SessionOptions()
            so.intra_op_num_threads = 1
            try:
                sess = ort.InferenceSession(model, so, providers=["CPUExecutionProvider"])
                sess.run(None, {"x": np.zeros(4, dtype)})
            except Exception:  # an operator this build or type lacks (e.g. Gelu in float64)
                continue
            out.append(("onnxruntime", f, lambda x, s=sess: s.run(None, {"x": x})[0]))
    except ImportError:
        pass
    return out


def main_activations():
    n = 1_000_000 // (8 if QUICK else 1)
    state = np.random.default_rng(5)
    for dtype, tname in ((np.float32, "Float"), (np.float64, "Double")):
        x = ((state.random((4, n)).sum(axis=0) - 2) * 5.2).astype(dtype)
        for name, function, fn in activation_peers(dtype):
            t = best_time(fn, x)
            print(json.dumps({"peer": name, "function": function, "type": tname, "rows": 1, "n": n, "threads": 1,
                              "ns_per_element": t * 1e9 / n}, sort_keys=True), flush=True)


def main():
    if ACTIVATIONS:
        main_activations()
        return
    for dtype, tname in ((np.float32, "Float"), (np.float64, "Double")):
        for name, threads, fn in peers(dtype):
            acc = max_ulp_wide(fn, dtype)
            for rows, n in SHAPES:
                x = np.random.default_rng(5).standard_normal((rows, n)).astype(dtype) * 3
                t = best_time(fn, x)
                print(json.dumps({"peer": name, "type": tname, "rows": rows, "n": n, "threads": threads,
                                  "ns_per_element": t * 1e9 / (rows * n), "max_ulp_wide": acc}, sort_keys=True), flush=True)


if __name__ == "__main__":
    main()
