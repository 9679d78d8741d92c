"""assert_conforms: a correct softmax passes, the naive one fails with a useful message."""

import numpy as np
import pytest

from softmaxref.testing import assert_conforms


def softmax64(x, beta=1.0):
    """Softmax computed in float64 (β·x is exact there for these formats) and rounded once to
    x's dtype, with the limits for +inf (1/k at the k +inf entries) and NaN everywhere for NaN."""
    t = x.astype(np.float64) * float(beta)
    if t.size == 0:
        return x.copy()
    if np.isnan(t).any():
        return np.full_like(x, np.nan)
    if np.isposinf(t).any():
        top = np.isposinf(t)
        return (top / top.sum()).astype(x.dtype)
    if np.isneginf(t).all():
        return np.full_like(x, np.nan)
    e = np.exp(t - t.max())
    return (e / e.sum()).astype(x.dtype)


def naive(x):
    return np.exp(x) / np.exp(x).sum()


@pytest.mark.parametrize("dtype", [np.float16, np.float32])
def test_a_correct_softmax_passes(dtype):
    report = assert_conforms(softmax64, dtype=dtype, cases=100)
    assert report["passed"] and report["properties"][0]["format"] == {np.float16: "f16", np.float32: "f32"}[dtype]
    softmax_fixtures = [f for f in report["fixtures"] if f["function"] == "softmax"]
    assert softmax_fixtures and softmax_fixtures[0]["cases"] > 50


def test_the_naive_softmax_fails_with_counterexample_ulps_and_replay():
    with pytest.raises(AssertionError) as info:
        assert_conforms(lambda x: naive(x), cases=50)
    message = str(info.value)
    assert "softmax does not conform in f32" in message
    assert "seed003-overflow: output 0 is nan" in message  # e^x overflows: inf/inf
    assert "property close-to-reference/softmax" in message
    assert "counterexample: [" in message and "ulp" in message
    assert "replay: softmax-ref validate --command '<your function>' --format f32" in message


def test_closures_and_batched_functions():
    calls = []

    def batched(x, beta):
        assert x.ndim == 2
        calls.append(x.shape[0])
        return np.stack([softmax64(row, beta) for row in x])

    report = assert_conforms(batched, batched=True, cases=30, dtype=np.float32)
    assert report["passed"] and calls and max(calls) > 1  # rows in flight were stacked


def test_other_functions_and_policies():
    def log_softmax(x):
        m = np.max(x)
        return x - m - np.log(np.sum(np.exp(x - m)))

    with pytest.raises(AssertionError, match="log-softmax"):
        assert_conforms(log_softmax, function="log-softmax", cases=20, profile="strict")
    with pytest.raises(ValueError, match="unknown policy"):
        assert_conforms(softmax64, policy="nope", cases=1)


def test_activations_and_their_parameters():
    assert assert_conforms(np.tanh, function="tanh", cases=30)["passed"]  # a ufunc: no signature to read

    def leaky_relu(x, alpha):
        return np.where(x >= 0, x, alpha * x)

    assert assert_conforms(leaky_relu, function="leaky-relu", cases=30)["passed"]
    with pytest.raises(AssertionError, match="leaky-relu"):  # a slope of 0.02 instead of the one asked
        assert_conforms(lambda x: np.where(x >= 0, x, np.float32(0.02) * x), function="leaky-relu", cases=30)
