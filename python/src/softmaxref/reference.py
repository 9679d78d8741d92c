"""`Reference`: the correctly rounded reference on NumPy arrays, through one `softmax-ref compute
--batch` process. Rows are the 1-D slices along `axis`; each row is one request, and all the
requests of a call are pipelined. Outputs have the input's dtype and hold the correctly rounded
values (signed zeros and NaNs as the reference gives them)."""

import collections
import json
import weakref

import numpy as np

from . import _formats
from ._activations import ACTIVATIONS, activation_method
from ._batch import BatchProcess
from ._requests import Codec, number

# Values per request of an elementwise function (the reference takes up to 2^18 per row).
CHUNK = 1 << 16

CrossEntropy = collections.namedtuple("CrossEntropy", ["loss", "gradient"])


class Reference:
    """Keeps one `compute --batch` process. Use it as a context manager, or call close()."""

    def __init__(self, binary=None):
        self._process = BatchProcess(binary)
        self._finalizer = weakref.finalize(self, self._process.close)
        self._codec = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        """Stops the process. Later calls raise ValueError."""
        self._finalizer()

    @property
    def binary(self):
        """The path of the `softmax-ref` binary in use."""
        return self._process.binary

    @property
    def packed(self):
        """True when arrays travel packed (base64-le), False when the binary only reads hex lists."""
        return self._ensure_codec().packed

    # The family: rows along `axis`.

    def softmax(self, x, *, axis=-1, beta=1.0, base=None, rounding="nearest"):
        """e^(t_i) / Σ_j e^(t_j) along `axis`, t = β ln(b) x."""
        return self._rows("softmax", x, axis, _family(beta, base), rounding)

    def log_softmax(self, x, *, axis=-1, beta=1.0, base=None, rounding="nearest"):
        """t_i − ln Σ_j e^(t_j) along `axis`."""
        return self._rows("log-softmax", x, axis, _family(beta, base), rounding)

    def logsumexp(self, x, *, axis=-1, beta=1.0, base=None, rounding="nearest", keepdims=False):
        """ln Σ_j e^(t_j) along `axis` (that axis removed, or kept with length 1)."""
        out = self._rows("logsumexp", x, axis, _family(beta, base), rounding, width=lambda n: 1)
        out = out[..., 0]
        return np.expand_dims(out, _axis(axis, np.ndim(x))) if keepdims else out

    def sigmoid(self, x, *, beta=1.0, base=None, rounding="nearest"):
        """1 / (1 + e^(−t)), elementwise."""
        return self._elementwise("sigmoid", x, _family(beta, base), rounding)

    def jacobian(self, x, *, axis=-1, beta=1.0, base=None, rounding="nearest"):
        """The Jacobian of softmax(β ln(b) x) per row: shape (other dimensions..., n, n)."""
        x = _array(x)
        moved = np.moveaxis(x, _axis(axis, x.ndim), -1)
        n = moved.shape[-1]
        flat = self._rows("jacobian", moved, -1, _family(beta, base), rounding, width=lambda n: n * n)
        return flat.reshape(moved.shape + (n,))

    def cross_entropy(self, x, *, label=None, target=None, axis=-1, beta=1.0, base=None, rounding="nearest"):
        """−Σ q_i ln s_i per row, q the one-hot of `label` (an int, or one per row) or the
        distribution `target` (x's shape; converted to x's dtype). Returns (loss, gradient): the
        loss per row and its gradient with respect to x (x's shape)."""
        if (label is None) == (target is None):
            raise ValueError("softmaxref: cross_entropy needs exactly one of label or target")
        x = _array(x)
        k = _axis(axis, x.ndim)
        extra = {}
        if label is not None:
            labels = np.asarray(label)
            if labels.dtype.kind not in "iu":
                raise TypeError("softmaxref: label must be an integer or an array of integers; got %s" % labels.dtype)
            extra["label"] = np.broadcast_to(labels, x.shape[:k] + x.shape[k + 1:]).reshape(-1)
        else:
            extra["target"] = _companion(target, x, "target")
        loss, gradient = self._rows("cross-entropy", x, k, _family(beta, base), rounding,
                                    width=lambda n: 1, extra=extra, gradient=True)
        return CrossEntropy(loss[..., 0], gradient)

    def softmax_vjp(self, x, vector, *, axis=-1, beta=1.0, base=None, rounding="nearest"):
        """The vector-Jacobian product c·s ⊙ (v − ⟨v, s⟩) per row, v = `vector` (x's shape)."""
        x = _array(x)
        return self._rows("softmax-vjp", x, axis, _family(beta, base), rounding,
                          extra={"vector": _companion(vector, x, "vector")})

    def round_text(self, texts, dtype):
        """Numbers written as text (exact decimals, hex floats, inf, nan), each rounded once to
        nearest in `dtype` by the reference: an array of that dtype."""
        fmt = _formats.format_of(dtype)
        line = json.dumps({"function": "linear", "format": fmt, "id": 0, "input": list(texts)}) + "\n"
        answer = json.loads(self._process.exchange([line.encode()])[0])
        if "error" in answer:
            raise ValueError("softmaxref: %s" % answer["error"])
        return _formats.from_bytes(Codec(False).values(answer, "output", fmt), fmt).copy()

    # The machinery.

    def _ensure_codec(self):
        """Packed when the binary answers a packed request, else hex lists (an older binary)."""
        if self._codec is None:
            probe = Codec(True).prefix({"function": "linear", "format": "f64", "id": 0})
            answer = json.loads(self._process.exchange([probe + b'"input":"AAAAAAAA8D8="}\n'])[0])
            self._codec = Codec("error" not in answer)
        return self._codec

    def _rows(self, function, x, axis, params, rounding, width=None, extra=None, gradient=False):
        """Sends each row along `axis` and returns the outputs: with the row axis back in place,
        or, when `width(n)` gives another count of values per row, those values last after the
        other dimensions; with `gradient`, also the gradients (x's shape)."""
        x = _array(x)
        if x.ndim == 0:
            raise ValueError("softmaxref: %s needs an array of at least one dimension" % function)
        k = _axis(axis, x.ndim)
        moved = np.moveaxis(x, k, -1)
        n = moved.shape[-1]
        rows = np.ascontiguousarray(moved).reshape(int(np.prod(moved.shape[:-1])), n)
        extra = dict(extra or {})
        for key in ("target", "vector"):
            if key in extra:
                extra[key] = np.ascontiguousarray(np.moveaxis(extra[key], k, -1)).reshape(rows.shape)
        answers = self._call(function, rows, params, rounding, extra)
        fmt = _formats.format_of(x.dtype)
        m = n if width is None else width(n)
        out = self._gather(answers, "output", fmt, rows.shape[0], m).reshape(moved.shape[:-1] + (m,))
        out = np.moveaxis(out, -1, k) if width is None else out
        if not gradient:
            return out
        grads = self._gather(answers, "gradient", fmt, rows.shape[0], n).reshape(moved.shape)
        return out, np.moveaxis(grads, -1, k)

    def _elementwise(self, function, x, params, rounding):
        """An elementwise function: x flattened, in requests of CHUNK values."""
        x = _array(x)
        flat = np.ascontiguousarray(x).reshape(-1)
        chunks = [flat[i:i + CHUNK] for i in range(0, flat.size, CHUNK)]
        answers = self._call(function, chunks, params, rounding, {})
        out = self._gather(answers, "output", _formats.format_of(x.dtype), None, None)
        if out.size != x.size:
            raise RuntimeError("softmaxref: %s answered %d values for %d inputs" % (function, out.size, x.size))
        return out.reshape(x.shape)

    def _call(self, function, rows, params, rounding, extra):
        """One request per row (a 2-D array, or a list of 1-D chunks); the answers, or
        ValueError with the reference's message."""
        if len(rows) == 0:
            return []
        fmt = _formats.format_of(rows[0].dtype)
        codec = self._ensure_codec()
        fields = {"function": function, "format": fmt, "rounding": rounding}
        fields.update((k, number(v, k)) for k, v in params.items() if v is not None)
        prefix = codec.prefix(fields)
        columns = [[b'"input":' + codec.array(row, fmt) for row in _row_bytes(rows)]]
        for key, values in extra.items():
            if key == "label":
                columns.append([b',"label":%d' % v for v in values.tolist()])
            else:
                columns.append([b',"%s":' % key.encode() + codec.array(row, fmt) for row in _row_bytes(values)])
        lines = [b"%s\"id\":%d,%s}\n" % (prefix, i, b"".join(parts)) for i, parts in enumerate(zip(*columns))]
        answers = [codec.parse(line) for line in self._process.exchange(lines)]
        for i, answer in enumerate(answers):
            if "error" in answer:
                where = " (row %d)" % i if len(answers) > 1 else ""
                raise ValueError("softmaxref: %s%s: %s" % (function, where, answer["error"]))
        return answers

    def _gather(self, answers, key, fmt, rows, width):
        """The values of every answer's `key`, as one 1-D array of the format's dtype."""
        codec = self._codec
        data = b"".join(codec.values(a, key, fmt) for a in answers)
        out = _formats.from_bytes(data, fmt)
        if rows is not None and out.size != rows * width:
            raise RuntimeError("softmaxref: expected %d values, got %d" % (rows * width, out.size))
        return out.copy()


def _row_bytes(rows):
    """The little-endian bytes of each row: of a 2-D array from one buffer, or of each chunk."""
    if isinstance(rows, np.ndarray) and rows.ndim == 2:
        data = _formats.little_endian_bytes(rows)
        width = rows.shape[1] * rows.dtype.itemsize
        return [data[i:i + width] for i in range(0, len(data), width)] if width else [b""] * rows.shape[0]
    return [_formats.little_endian_bytes(row) for row in rows]


def _family(beta, base):
    return {"beta": beta, "base": base}


def _array(x):
    """x as an array of a supported float dtype (TypeError otherwise), in native byte order."""
    x = np.asarray(x)
    _formats.format_of(x.dtype)
    return x.astype(x.dtype.newbyteorder("="), copy=False) if x.dtype.byteorder == ">" else x


def _axis(axis, ndim):
    if not isinstance(axis, (int, np.integer)) or isinstance(axis, bool):
        raise TypeError("softmaxref: axis must be an integer; got %r" % (axis,))
    if not -ndim <= axis < ndim:
        raise ValueError("softmaxref: axis %d is out of bounds for an array of %d dimensions" % (axis, ndim))
    return int(axis) % ndim


def _companion(values, x, what):
    """`target` or `vector`: x's shape, converted to x's dtype (one rounding to nearest)."""
    values = np.asarray(values)
    if values.dtype.kind not in "fiu" and values.dtype != x.dtype:
        raise TypeError("softmaxref: %s must be a float array; got %s" % (what, values.dtype))
    if values.shape != x.shape:
        raise ValueError("softmaxref: %s has shape %s; x has %s" % (what, values.shape, x.shape))
    return values.astype(x.dtype)


for _name, (_protocol, _params) in ACTIVATIONS.items():
    setattr(Reference, _name, activation_method(_name, _protocol, _params))
