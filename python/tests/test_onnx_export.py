"""softmaxref-export-onnx: the fixtures as ONNX node tests, checked by onnx and run by ONNX Runtime."""

import glob
import os
import subprocess
import sys
from decimal import Decimal

import numpy as np
import pytest
from oracle import assert_rounded, softmax

onnx = pytest.importorskip("onnx")
from onnx import numpy_helper  # noqa: E402


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    directory = tmp_path_factory.mktemp("onnx")
    script = os.path.join(os.path.dirname(sys.executable), "softmaxref-export-onnx")  # the console script
    run = subprocess.run([script, str(directory)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return directory, run.stdout


def load(path):
    x = numpy_helper.to_array(onnx.load_tensor(os.path.join(path, "test_data_set_0", "input_0.pb")))
    y = numpy_helper.to_array(onnx.load_tensor(os.path.join(path, "test_data_set_0", "output_0.pb")))
    return onnx.load(os.path.join(path, "model.onnx")), x, y


def test_every_model_passes_the_checker(exported):
    directory, summary = exported
    paths = sorted(glob.glob(os.path.join(str(directory), "test_*")))
    assert "wrote %d node tests" % len(paths) in summary
    ops = set()
    for path in paths:
        model, x, y = load(path)
        onnx.checker.check_model(model, full_check=True)
        ops.add(model.graph.node[0].op_type)
        assert model.graph.input[0].type.tensor_type.elem_type == model.graph.output[0].type.tensor_type.elem_type
    assert ops == {"Softmax", "LogSoftmax", "ReduceLogSumExp", "Sigmoid", "Tanh", "Softplus", "Softsign", "Exp", "Elu",
                   "Gelu", "HardSigmoid", "HardSwish", "Mish", "Relu", "Clip", "LeakyRelu", "Identity"}
    for fmt in ("f16", "f32", "f64"):
        assert any(p.endswith("_" + fmt) for p in paths)


def test_expected_values_are_correctly_rounded(exported):
    directory, _ = exported
    model, x, y = load(os.path.join(str(directory), "test_softmax_seed002_wikipedia_f64"))
    assert x.tolist() == [1, 2, 3, 4, 1, 2, 3]
    assert_rounded(y, softmax(x))
    # HardSigmoid's α attribute is float32(1/6), not 1/6: the expected value is for that α.
    model, x, y = load(os.path.join(str(directory), glob.glob(os.path.join(str(directory), "test_hard_sigmoid_*_f32"))[0]))
    attributes = {a.name: onnx.helper.get_attribute_value(a) for a in model.graph.node[0].attribute}
    assert attributes["alpha"] == float(np.float32(1 / 6)) and attributes["beta"] == 0.5
    finite = np.isfinite(x)
    exact = [min(Decimal(1), max(Decimal(0), Decimal(attributes["alpha"]) * Decimal(float(v)) + Decimal("0.5"))) for v in x[finite]]
    assert_rounded(y[finite], exact)


def test_onnx_runtime_runs_the_export(exported):
    """ONNX Runtime's CPU answers agree with the expected outputs within the tolerance of ONNX's
    backend tests (rtol 1e-3, atol 1e-7) on the cases with finite inputs; bfloat16 and the
    operators the CPU provider has no kernel for are counted, not run."""
    ort = pytest.importorskip("onnxruntime")
    directory, _ = exported
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.log_severity_level = 3
    compared, no_kernel, mismatched = 0, 0, []
    for path in sorted(glob.glob(os.path.join(str(directory), "test_*"))):
        if path.endswith("_bf16"):
            continue
        model, x, y = load(path)
        if not np.isfinite(x.astype(np.float64)).all():
            continue
        try:
            session = ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
        except Exception as error:  # NOT_IMPLEMENTED: no kernel for this operator and type
            assert "NOT_IMPLEMENTED" in str(error) or "kernel" in str(error).lower(), error
            no_kernel += 1
            continue
        got = session.run(None, {"x": x})[0]
        compared += 1
        if not np.allclose(got.astype(np.float64), y.astype(np.float64), rtol=1e-3, atol=1e-7, equal_nan=True):
            mismatched.append(os.path.basename(path))
    assert compared > 200 and not mismatched, (compared, no_kernel, mismatched)
