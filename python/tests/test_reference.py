"""Reference on NumPy arrays, checked against the decimal-module oracle (oracle.py)."""

import math
import os
from decimal import Decimal

import numpy as np
import pytest
from conftest import DTYPES
from oracle import D, assert_rounded, div, exp, log_softmax, logsumexp, sigmoid, softmax, softplus, tanh

import softmaxref

MODES = ["nearest", "down", "up", "toward-zero"]


def rows(dtype, shape, scale=3.0, seed=0):
    return (np.random.default_rng(seed).standard_normal(shape) * scale).astype(dtype)


def test_arrays_travel_packed(ref):
    assert ref.packed


@pytest.mark.parametrize("dtype", DTYPES)
def test_family_is_correctly_rounded_in_every_dtype(ref, dtype):
    x = rows(dtype, (4, 7))
    out = ref.softmax(x)
    assert out.dtype == np.dtype(dtype) and out.shape == x.shape
    assert_rounded(out, [softmax(r) for r in x])
    assert_rounded(ref.log_softmax(x), [log_softmax(r) for r in x])
    assert_rounded(ref.logsumexp(x), [logsumexp(r) for r in x])
    assert_rounded(ref.sigmoid(x), [[sigmoid(v) for v in r] for r in x])


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_rounding_modes(ref, mode, dtype):
    x = rows(dtype, (3, 5), seed=1)
    assert_rounded(ref.softmax(x, rounding=mode), [softmax(r) for r in x], mode)
    assert_rounded(ref.logsumexp(x, rounding=mode), [logsumexp(r) for r in x], mode)
    assert_rounded(ref.tanh(x, rounding=mode), [[tanh(v) for v in r] for r in x], mode)


def test_beta_and_base(ref):
    x = rows(np.float64, (2, 5), seed=2)
    assert_rounded(ref.softmax(x, beta=-0.5), [softmax(r, -0.5) for r in x])
    # base 2: t = ln(2)·x, and 2^x is exact for integers: softmax([0, 1, 2]) in base 2 is [1, 2, 4]/7.
    out = ref.softmax(np.array([0.0, 1.0, 2.0]), base=2)
    assert_rounded(out, [div(D(1), D(7)), div(D(2), D(7)), div(D(4), D(7))])
    assert ref.logsumexp(np.array([-1.0, -1.0]), base=2) == 0.0


@pytest.mark.parametrize("axis", [0, 1, 2, -1, -2])
def test_axis_chooses_the_rows(ref, axis):
    x = rows(np.float32, (3, 4, 5), seed=3)
    moved = np.moveaxis(x, axis, -1)
    expected = np.moveaxis(np.array([[softmax(r) for r in m] for m in moved]), -1, axis)
    out = ref.softmax(x, axis=axis)
    assert out.shape == x.shape
    assert_rounded(out, expected.tolist())
    lse = ref.logsumexp(x, axis=axis)
    assert lse.shape == moved.shape[:-1]
    assert_rounded(lse, [[logsumexp(r) for r in m] for m in moved])
    assert ref.logsumexp(x, axis=axis, keepdims=True).shape == np.expand_dims(lse, axis).shape


def test_jacobian(ref):
    x = rows(np.float64, (2, 3), seed=4)
    jac = ref.jacobian(x)
    assert jac.shape == (2, 3, 3)
    for row, j in zip(x, jac):
        s = softmax(row)
        assert_rounded(j, [[s[i] * ((1 if i == k else 0) - s[k]) for k in range(3)] for i in range(3)])
    assert ref.jacobian(x.T, axis=0).shape == (2, 3, 3)


def test_cross_entropy_with_labels_and_targets(ref):
    x = rows(np.float64, (3, 4), seed=5)
    labels = np.array([0, 3, 1])
    loss, gradient = ref.cross_entropy(x, label=labels)
    assert loss.shape == (3,) and gradient.shape == x.shape
    assert_rounded(loss, [-log_softmax(r)[l] for r, l in zip(x, labels)])
    assert_rounded(gradient, [[s - (1 if i == l else 0) for i, s in enumerate(softmax(r))] for r, l in zip(x, labels)])
    target = np.full_like(x, 0.25)
    loss, _ = ref.cross_entropy(x, target=target)
    assert_rounded(loss, [-sum(D(0.25) * v for v in log_softmax(r)) for r in x])


def test_softmax_vjp(ref):
    x = rows(np.float64, (2, 4), seed=6)
    v = rows(np.float64, (2, 4), seed=7)
    out = ref.softmax_vjp(x, v)
    expected = []
    for r, w in zip(x, v):
        s = softmax(r)
        dot = sum(si * D(wi) for si, wi in zip(s, w))
        expected.append([si * (D(wi) - dot) for si, wi in zip(s, w)])
    assert_rounded(out, expected)
    assert_rounded(ref.softmax_vjp(x.T, v.T, axis=0), np.array(expected, dtype=object).T.tolist())


ALPHA = Decimal("1.6732632423543772848170429916717")  # selu's constants, as the README gives them exactly
LAMBDA = Decimal("1.0507009873554804934193349852946")


def exact_activation(name, v, dtype):
    d = D(v)
    exact = {
        "tanh": lambda: tanh(v),
        "softplus": lambda: softplus(v),
        "log_sigmoid": lambda: -softplus(-v),
        "softsign": lambda: div(d, 1 + abs(d)),
        "exponential": lambda: exp(d),
        "elu": lambda: d if v > 0 else exp(d) - 1,
        "selu": lambda: LAMBDA * (d if v > 0 else ALPHA * (exp(d) - 1)),
        "swish": lambda: d * sigmoid(v),
        "silu": lambda: d * sigmoid(v),
        "mish": lambda: d * div(exp(2 * softplus(v)) - 1, exp(2 * softplus(v)) + 1),
        "relu": lambda: max(d, D(0)),
        "relu6": lambda: min(max(d, D(0)), D(6)),
        "leaky_relu": lambda: d if v >= 0 else D(np.asarray(0.01, dtype=dtype)) * d,
        "hard_sigmoid": lambda: min(max(div(d + 3, D(6)), D(0)), D(1)),
        "hard_swish": lambda: d * min(max(div(d + 3, D(6)), D(0)), D(1)),
        "linear": lambda: d,
    }
    return exact[name]()


ACTIVATIONS = ["tanh", "softplus", "log_sigmoid", "softsign", "exponential", "elu", "selu", "swish", "silu",
               "mish", "relu", "relu6", "leaky_relu", "hard_sigmoid", "hard_swish", "linear"]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", ACTIVATIONS)
def test_activations_against_decimal(ref, name, dtype):
    x = np.concatenate([rows(dtype, (12,), scale=4, seed=8), np.array([-7, -3, -0.5, 0.5, 3, 7], dtype=dtype)])
    out = getattr(ref, name)(x)
    assert out.dtype == np.dtype(dtype) and out.shape == x.shape
    assert_rounded(out, [exact_activation(name, v, dtype) for v in x.astype(np.float64)])


@pytest.mark.parametrize("dtype", [np.float16, np.float32])
def test_gelus_against_double_formulas(ref, dtype):
    """erf and π are not in the decimal module: double formulas without cancellation (erfc; 1 +
    tanh z = 2σ(2z)), whose error is far below half an ulp of these formats, decide the rounding
    (no value here lies that near a midpoint)."""
    x = rows(dtype, (40,), scale=3, seed=9)
    for name, f in (("gelu", lambda v: v / 2 * math.erfc(-v / math.sqrt(2))),
                    ("gelu_tanh", lambda v: v / (1 + math.exp(-2 * math.sqrt(2 / math.pi) * (v + 0.044715 * v ** 3))))):
        out = getattr(ref, name)(x)
        assert_rounded(out, [D(f(v)) for v in x.astype(np.float64).tolist()])


def test_activation_parameters(ref):
    x = np.array([-2.0, -0.5, 0.5, 3.0])
    assert_rounded(ref.elu(x, alpha=0.5), [D(0.5) * (exp(D(v)) - 1) if v < 0 else D(v) for v in x])
    assert_rounded(ref.leaky_relu(x, alpha=0.25), [D(v) * D(0.25) if v < 0 else D(v) for v in x])
    assert ref.relu(x, max_value=1.0).tolist() == [0.0, 0.0, 0.5, 1.0]
    assert ref.relu(x, threshold=1.0).tolist() == [0.0, 0.0, 0.0, 3.0]
    assert_rounded(ref.softplus(x, beta=2.0), [div(softplus(2 * v), D(2)) for v in x])
    with pytest.raises(TypeError):
        ref.tanh(x, alpha=1.0)


def test_signed_zeros_are_kept(ref):
    out = ref.tanh(np.array([0.0, -0.0], dtype=np.float32))
    assert out.tolist() == [0.0, 0.0] and list(np.signbit(out)) == [False, True]
    # log-softmax of the largest of [123, 456, 789] is −ln(1 + e^−333 + e^−666) < 0, about −1e−145:
    # binary32 rounds it to −0.
    last = ref.log_softmax(np.array([123, 456, 789], dtype=np.float32))[2]
    assert last == 0 and np.signbit(last)


def test_empty_and_degenerate_shapes(ref):
    assert ref.softmax(np.zeros((0, 5))).shape == (0, 5)
    assert ref.softmax(np.zeros((3, 0))).shape == (3, 0)
    assert ref.logsumexp(np.zeros((3, 0))).tolist() == [-math.inf] * 3  # ln of an empty sum
    assert ref.tanh(np.zeros((2, 0, 3))).shape == (2, 0, 3)
    assert ref.sigmoid(np.float64(0.0)) == 0.5
    assert ref.softmax(np.array([5.0])).tolist() == [1.0]


def test_large_elementwise_input_spans_several_requests(ref):
    x = np.linspace(-4, 4, 200_001, dtype=np.float32)
    assert np.array_equal(ref.linear(x), x)
    out = ref.relu(x.reshape(1, -1))
    assert np.array_equal(out, np.maximum(x, 0).reshape(1, -1))


@pytest.mark.parametrize("bad", [np.arange(4), np.array([1, 2], dtype=np.int8), np.array([True]), np.array(["a"]),
                                 np.array([1 + 2j])])
def test_non_float_arrays_are_type_errors(ref, bad):
    with pytest.raises(TypeError, match="not supported"):
        ref.softmax(bad)


def test_errors_carry_the_reference_message(ref):
    x = np.array([1.0, 2.0])
    with pytest.raises(ValueError, match="rounding") as info:
        ref.softmax(x, rounding="sideways")
    assert "sideways" in str(info.value)
    with pytest.raises(ValueError, match="label 5 is out of range"):
        ref.cross_entropy(x, label=5)
    with pytest.raises(ValueError, match="axis"):
        ref.softmax(x, axis=1)
    with pytest.raises(ValueError):
        ref.cross_entropy(x)
    with pytest.raises(TypeError):
        ref.cross_entropy(x, label=0.5)
    with pytest.raises(ValueError, match="shape"):
        ref.softmax_vjp(x, np.zeros(3))
    with pytest.raises(TypeError):
        ref.softmax(x, beta=object())


def test_closed_reference_refuses_work():
    r = softmaxref.Reference()
    assert r.softmax(np.array([0.0, 0.0])).tolist() == [0.5, 0.5]
    r.close()
    r.close()
    with pytest.raises(ValueError, match="closed"):
        r.softmax(np.array([0.0]))


def test_binary_override(monkeypatch, tmp_path):
    monkeypatch.setenv("SOFTMAXREF_BIN", str(tmp_path / "missing"))
    with pytest.raises(FileNotFoundError, match="SOFTMAXREF_BIN"):
        softmaxref.Reference()
    bundled = os.path.join(os.path.dirname(softmaxref.__file__), "bin", "softmax-ref")
    monkeypatch.setenv("SOFTMAXREF_BIN", bundled)
    with softmaxref.Reference() as r:
        assert r.binary == bundled and r.softmax(np.array([1.0, 1.0])).tolist() == [0.5, 0.5]
