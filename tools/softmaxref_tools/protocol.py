"""The JSON-lines protocol of `softmax-ref validate --command`, in one place.

An adapter maps one request to outputs; everything else lives here: the line loop, reading the
hex-float numbers, printing the answers, errors, and deciding which (function, format) pairs the
framework supports. See tools/adapters/README.md for the protocol itself.

An adapter is:

    sys.path.insert(0, "<this repository>/tools")
    from softmaxref_tools.protocol import Unsupported, serve

    def answer(req):                     # req is a Request
        if req.format == "bf16":
            raise Unsupported("no bfloat16")
        ...
        return values                    # or {"output": [...], "gradient": [...]}

    serve(answer, name="mylib 1.2")

`answer` returns the outputs as anything `float()` reads elementwise, nested as the protocol wants
(a flat list, a list of rows for the Jacobian): Python lists, NumPy arrays of any float dtype
(including ml_dtypes' bfloat16), or objects with a `tolist()` method such as torch tensors. Values
must already be in the requested format; they are printed exactly with `float.hex`.

Support is decided by a probe, not by guessing from exception messages: the first time a
(function, format) pair is seen, `answer` is called on a small ordinary row ([1, 2] in that format,
label 0). If that raises (or raises `Unsupported`), the framework does not support the pair and
every request for it is answered `{"error": "unsupported"}`; the reason goes to stderr once. If the
probe succeeds, an exception on a later request is the framework's reaction to that input (an empty
row, say) and is answered `{"error": "<ExceptionType>: message"}`. A request never ends the loop.
"""

import json
import math
import os
import sys
import traceback

ACTIVATIONS = ("tanh", "softplus", "log-sigmoid", "softsign", "exponential", "elu", "selu", "swish", "silu",
               "gelu", "gelu-tanh", "mish", "relu", "relu6", "leaky-relu", "hard-sigmoid", "hard-swish", "linear")
FUNCTIONS = ("softmax", "log-softmax", "logsumexp", "sigmoid", "jacobian", "cross-entropy", "softmax-vjp") + ACTIVATIONS
FORMATS = ("f16", "bf16", "f32", "f64")


class Unsupported(Exception):
    """Raised by an adapter for a function or format the framework does not offer."""


class Request:
    """One request. Numbers are Python floats, exactly the values the format holds."""

    __slots__ = ("id", "function", "format", "beta", "input", "label", "target", "vector", "raw",
                 "alpha", "max_value", "threshold")

    def __init__(self, raw):
        self.raw = raw
        self.id = raw.get("id")
        self.function = raw.get("function", "softmax")
        self.format = raw.get("format", "f64")
        self.beta = parse_number(raw.get("beta", "0x1p+0"), "beta")
        # The activations' other parameters: None when the request leaves them to their defaults.
        self.alpha, self.max_value, self.threshold = (
            None if raw.get(key) is None else parse_number(raw[key], key) for key in ("alpha", "max_value", "threshold"))
        inputs = raw.get("input")
        if not isinstance(inputs, list):
            raise BadRequest("'input' must be a list of numbers")
        self.input = [parse_number(v, "input[%d]" % i) for i, v in enumerate(inputs)]
        label = raw.get("label")
        if label is not None and (isinstance(label, bool) or not isinstance(label, int)):
            raise BadRequest("'label' must be an integer")
        self.label = label
        target = raw.get("target")
        if target is not None:
            if not isinstance(target, list):
                raise BadRequest("'target' must be a list of numbers")
            target = [parse_number(v, "target[%d]" % i) for i, v in enumerate(target)]
        self.target = target
        if self.function == "cross-entropy" and label is None and target is None:
            raise BadRequest("cross-entropy needs 'label' or 'target'")
        vector = raw.get("vector")
        if vector is not None:
            if not isinstance(vector, list):
                raise BadRequest("'vector' must be a list of numbers")
            vector = [parse_number(v, "vector[%d]" % i) for i, v in enumerate(vector)]
        elif self.function == "softmax-vjp":
            raise BadRequest("softmax-vjp needs 'vector'")
        self.vector = vector

    def distribution(self):
        """q: the one-hot of `label`, or `target`, as floats; None for other functions."""
        if self.target is not None:
            return list(self.target)
        if self.label is not None:
            if not 0 <= self.label < len(self.input):
                raise IndexError("label %d is out of range for %d logits" % (self.label, len(self.input)))
            return [1.0 if i == self.label else 0.0 for i in range(len(self.input))]
        raise BadRequest("cross-entropy needs 'label' or 'target'")


class BadRequest(Exception):
    """The request line itself is malformed (not the framework's fault)."""


def parse_number(value, what="value"):
    """A C99 hex float string, "inf", "-inf", "nan", a decimal string, or a JSON number."""
    if isinstance(value, bool):
        raise BadRequest("%s: %r is not a number" % (what, value))
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        low = text.lower()
        if low in ("inf", "+inf", "infinity", "+infinity"):
            return math.inf
        if low in ("-inf", "-infinity"):
            return -math.inf
        if low in ("nan", "+nan", "-nan"):
            return math.nan
        try:
            if "0x" in low:
                return float.fromhex(text)
            return float(text)
        except ValueError:
            pass
    raise BadRequest("%s: %r is not a number" % (what, value))


def format_number(value):
    """The exact hex string of a value (float.hex), or "inf", "-inf", "nan"."""
    v = float(value)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v.hex()


def flatten(values):
    """Nested lists as one flat list."""
    if isinstance(values, list):
        return [x for item in values for x in flatten(item)]
    return [values]


def format_values(values):
    """Numbers, or nested lists of them (lists, tuples, arrays, tensors), as hex strings."""
    if hasattr(values, "tolist") and not isinstance(values, (list, tuple)):
        values = values.tolist()
    if isinstance(values, (list, tuple)):
        return [format_values(v) for v in values]
    return format_number(values)


def probe_request(function, fmt):
    raw = {"id": 0, "function": function, "format": fmt, "beta": "0x1p+0", "input": ["0x1p+0", "0x1p+1"]}
    if function == "cross-entropy":
        raw["label"] = 0
    if function == "softmax-vjp":
        raw["vector"] = ["0x1p+0", "-0x1p+0"]
    return Request(raw)


def _log(name, message):
    sys.stderr.write("%s: %s\n" % (name, message))
    sys.stderr.flush()


def _exception_text(error):
    message = str(error).strip().splitlines()
    first = message[0] if message else ""
    return ("%s: %s" % (type(error).__name__, first)).strip().rstrip(":")[:500]


def serve(answer, name="adapter", stdin=None, stdout=None):
    """Reads requests from stdin until end of file and answers each on one flushed line."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    support = {}  # (function, format) -> None if supported, else the reason it is not

    def supported(function, fmt):
        if (function, fmt) not in support:
            reason = None
            try:
                answer(probe_request(function, fmt))
            except Unsupported as e:
                reason = str(e) or "unsupported"
            except Exception as e:  # the framework cannot do this pair at all
                reason = _exception_text(e)
            support[(function, fmt)] = reason
            if reason is not None:
                _log(name, "%s in %s: unsupported (%s)" % (function, fmt, reason))
        return support[(function, fmt)] is None

    def reply(obj):
        stdout.write(json.dumps(obj, separators=(",", ":")) + "\n")
        stdout.flush()

    for line in stdin:
        line = line.strip()
        if not line:
            continue
        request_id = None
        try:
            raw = json.loads(line)
            if not isinstance(raw, dict):
                raise BadRequest("a request must be a JSON object")
            request_id = raw.get("id")
            req = Request(raw)
            if req.function not in FUNCTIONS or req.format not in FORMATS:
                reply({"id": request_id, "error": "unsupported"})
                continue
            if not supported(req.function, req.format):
                reply({"id": request_id, "error": "unsupported"})
                continue
            result = answer(req)
            if isinstance(result, dict):
                out = {"id": request_id, "output": format_values(result["output"])}
                if result.get("gradient") is not None:
                    out["gradient"] = format_values(result["gradient"])
            else:
                out = {"id": request_id, "output": format_values(result)}
            reply(out)
        except Unsupported:
            reply({"id": request_id, "error": "unsupported"})
        except (BadRequest, json.JSONDecodeError) as e:
            reply({"id": request_id, "error": "bad request: %s" % e})
        except Exception as e:
            if "SOFTMAX_ADAPTER_DEBUG" in os.environ:
                traceback.print_exc()
            reply({"id": request_id, "error": _exception_text(e)})
        except BaseException as e:  # KeyboardInterrupt, SystemExit from inside a framework
            if isinstance(e, KeyboardInterrupt):
                raise
            reply({"id": request_id, "error": _exception_text(e)})
