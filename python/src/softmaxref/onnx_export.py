"""`softmaxref-export-onnx DIR`: the golden fixtures as ONNX backend node tests.

Each case and format becomes DIR/test_<function>_<case>_<format>/model.onnx (one node, opset 22,
input `x` of shape [n]) with test_data_set_0/input_0.pb and output_0.pb, the correctly rounded
outputs (rounding to nearest), as ONNX's backend test runner reads them. Only cases the model
states exactly are written: β = 1, base e and n > 0 for the family; a row of `repeat` is written
whole. Where an operator's float attribute differs from the case's parameter (LeakyRelu's and
Elu's α in float64, HardSigmoid's α = float32(1/6)), the expected outputs are recomputed by the
reference for exactly that attribute; Selu is not written (its attributes are float32 roundings
of the constants the reference's selu uses exactly)."""

import argparse
import glob
import importlib.util
import json
import os
import re
import sys
from decimal import Decimal, getcontext

import numpy as np

from . import _formats, _locate
from .reference import Reference

OPSET = 22
IR_VERSION = 10
HARD_SIGMOID_ALPHA = float(np.float32(1 / 6))

# fixture function -> (operator, attributes); attributes may depend on the case (see _attributes).
OPERATORS = {
    "softmax": ("Softmax", {"axis": -1}),
    "log-softmax": ("LogSoftmax", {"axis": -1}),
    "logsumexp": ("ReduceLogSumExp", {"keepdims": 0}),
    "sigmoid": ("Sigmoid", {}),
    "tanh": ("Tanh", {}),
    "softplus": ("Softplus", {}),
    "softsign": ("Softsign", {}),
    "exponential": ("Exp", {}),
    "elu": ("Elu", {}),
    "gelu": ("Gelu", {"approximate": "none"}),
    "gelu-tanh": ("Gelu", {"approximate": "tanh"}),
    "hard-sigmoid": ("HardSigmoid", {"alpha": HARD_SIGMOID_ALPHA, "beta": 0.5}),
    "hard-swish": ("HardSwish", {}),
    "mish": ("Mish", {}),
    "relu": ("Relu", {}),
    "relu6": ("Clip", {}),
    "leaky-relu": ("LeakyRelu", {}),
    "linear": ("Identity", {}),
}
FORMATS = ("f16", "bf16", "f32", "f64")
ONE = "0x1p+0"


def cases(directory):
    """(function, case) for every case of the fixture files with an ONNX operator."""
    for path in sorted(glob.glob(os.path.join(directory, "*.json"))):
        with open(path) as f:
            document = json.load(f)
        if document.get("function") in OPERATORS:
            for case in document["cases"]:
                yield document["function"], case


def values(texts, dtype):
    return np.array([float(t) if t in ("inf", "-inf", "nan") else float.fromhex(t) for t in texts],
                    dtype=np.float64).astype(dtype)


def plan(function, case, fmt, reference):
    """(x, expected, attributes) for one case in one format, or (None, reason)."""
    result = case["results"].get(fmt)
    if result is None:
        return None, "no %s results" % fmt
    if "base" in result or result.get("beta", ONE) != ONE:
        return None, "beta or base not the default (no ONNX attribute)"
    if function == "relu" and any(k in result for k in ("alpha", "max_value", "threshold")):
        return None, "relu with parameters (ONNX's Relu has none)"
    dtype = _formats.dtype_of(fmt)
    repeat = case.get("repeat", 1)
    x = np.tile(values(result["input"], dtype), repeat)
    if x.size == 0:
        return None, "empty row"
    expected = values(result["outputs"]["nearest"], dtype)
    if function != "logsumexp":
        expected = np.tile(expected, repeat)
    op, attributes = OPERATORS[function]
    attributes = dict(attributes)
    if function in ("elu", "leaky-relu"):
        alpha = result.get("alpha", "1" if function == "elu" else "0.01")  # the reference's defaults
        alpha = float(reference.round_text([alpha], dtype)[0])
        attributes["alpha"] = float(np.float32(alpha))
        if attributes["alpha"] != alpha:  # the float32 attribute is another α: recompute for it
            expected = getattr(reference, function.replace("-", "_"))(x, alpha=attributes["alpha"])
    if function == "hard-sigmoid":
        expected = hard_sigmoid(x, reference)
    if function == "logsumexp":
        expected = expected.reshape(())
    return (x, expected, attributes), None


def hard_sigmoid(x, reference):
    """max(0, min(1, αx + 0.5)) with α = float32(1/6) exactly, correctly rounded: αx + 0.5 is a
    dyadic rational, written out exactly in decimal and rounded once by the reference."""
    getcontext().prec = 2000
    alpha = Decimal(HARD_SIGMOID_ALPHA)
    texts = []
    for v in x.astype(np.float64).tolist():
        if v != v:
            texts.append("nan")
        elif v in (float("inf"), float("-inf")):
            texts.append("1" if v > 0 else "0")
        else:
            texts.append(str(min(Decimal(1), max(Decimal(0), alpha * Decimal(v) + Decimal("0.5")))))
    return reference.round_text(texts, x.dtype)


def tensor(array, name):
    """A TensorProto of the array's values (raw little-endian data; bfloat16 included)."""
    from onnx import TensorProto
    kind = {"f16": TensorProto.FLOAT16, "bf16": TensorProto.BFLOAT16, "f32": TensorProto.FLOAT,
            "f64": TensorProto.DOUBLE}[_formats.format_of(array.dtype)]
    proto = TensorProto(name=name, data_type=kind, dims=list(array.shape))
    proto.raw_data = _formats.little_endian_bytes(array)
    return proto


def model(function, x, expected, attributes):
    """The one-node model of `function` on x's dtype and length."""
    from onnx import helper
    op = OPERATORS[function][0]
    kind = tensor(x[:0], "t").data_type
    inputs, initializers = ["x"], []
    if op == "Clip":  # relu6: Clip(x, 0, 6) with min and max as initializers
        initializers = [tensor(np.array(0, dtype=x.dtype), "min"), tensor(np.array(6, dtype=x.dtype), "max")]
        inputs += ["min", "max"]
    node = helper.make_node(op, inputs, ["y"], **attributes)
    graph = helper.make_graph([node], "test_" + function.replace("-", "_"),
                              [helper.make_tensor_value_info("x", kind, list(x.shape))],
                              [helper.make_tensor_value_info("y", kind, list(expected.shape))], initializer=initializers)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], ir_version=IR_VERSION,
                             producer_name="softmaxref")


def export(directory, fixtures=None, formats=FORMATS, functions=None, reference=None):
    """Writes the node tests; returns (written directories, {reason: count of skipped})."""
    import onnx
    fixtures = fixtures or _locate.fixtures()
    own = reference is None
    reference = reference or Reference()
    written, skipped = [], {}
    try:
        for function, case in cases(fixtures):
            if functions and function not in functions:
                continue
            for fmt in formats:
                if fmt == "bf16" and _formats.BFLOAT16 is None:
                    skipped["bf16 without ml_dtypes"] = skipped.get("bf16 without ml_dtypes", 0) + 1
                    continue
                planned, reason = plan(function, case, fmt, reference)
                if planned is None:
                    skipped[reason] = skipped.get(reason, 0) + 1
                    continue
                x, expected, attributes = planned
                name = "test_%s_%s_%s" % (function.replace("-", "_"), re.sub(r"[^A-Za-z0-9]+", "_", case["id"]), fmt)
                path = os.path.join(directory, name)
                os.makedirs(os.path.join(path, "test_data_set_0"), exist_ok=True)
                m = model(function, x, expected, attributes)
                onnx.checker.check_model(m, full_check=True)
                onnx.save(m, os.path.join(path, "model.onnx"))
                for file, array, tensor_name in (("input_0.pb", x, "x"), ("output_0.pb", expected, "y")):
                    with open(os.path.join(path, "test_data_set_0", file), "wb") as f:
                        f.write(tensor(array, tensor_name).SerializeToString())
                written.append(path)
    finally:
        if own:
            reference.close()
    return written, skipped


def main(argv=None):
    parser = argparse.ArgumentParser(prog="softmaxref-export-onnx", description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", help="where to write the test_* directories")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated: f16,bf16,f32,f64")
    parser.add_argument("--functions", default="", help="comma-separated fixture functions (all with an operator by default)")
    args = parser.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    functions = [f for f in args.functions.split(",") if f]
    for f in formats:
        if f not in FORMATS:
            parser.error("unknown format '%s'; expected f16, bf16, f32 or f64" % f)
    for f in functions:
        if f not in OPERATORS:
            parser.error("no ONNX operator for '%s'; expected one of %s" % (f, ", ".join(OPERATORS)))
    if importlib.util.find_spec("onnx") is None:
        sys.exit("softmaxref-export-onnx: needs the onnx package (pip install 'softmaxref[onnx]')")
    written, skipped = export(args.directory, formats=formats, functions=functions or None)
    print("wrote %d node tests to %s" % (len(written), args.directory))
    for reason, count in sorted(skipped.items()):
        print("skipped %d: %s" % (count, reason))
    return 0


if __name__ == "__main__":
    sys.exit(main())
