#!/usr/bin/env python3
"""Times peer softmax implementations on the kernel benchmark shapes; one JSON object per line.

Peers: NumPy (the max-shift idiom), SciPy (scipy.special.softmax), JAX (jax.nn.softmax on CPU,
jitted), PyTorch (torch.softmax on CPU, 1 thread and its default) and ONNX Runtime (the Softmax
operator, 1 thread and its default), in float32 and float64; a peer that is not installed is skipped.
Keys: peer, type, rows, n, threads, ns_per_element, and max_ulp_wide: the worst error in ulps on
rows drawn from N(0, 30^2) (n = 1000), measured against a long double (x87, 64-bit) computation.

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


def main():
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
