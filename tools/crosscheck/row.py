"""A request as exact values: built by the generator or read from a JSON-lines request."""

from fractions import Fraction

from .ieee import FORMATS, hexf, in_fmt, round_frac

FUNCTIONS = ["softmax", "log-softmax", "logsumexp", "sigmoid", "jacobian", "cross-entropy", "softmax-vjp"]


class Row:
    """One request, parsed exactly."""

    def __init__(self, function, fmt, mode, xs, beta, base=None, label=None, target=None, vector=None):
        self.vector = vector  # softmax-vjp's v: floats, values of the format
        self.function = function
        self.fmt = fmt
        self.mode = mode
        self.xs = xs  # floats, already values of the format
        self.beta = beta
        self.base = base
        self.label = label
        self.target = target

    def request(self, rid):
        r = {"id": rid, "function": self.function, "format": self.fmt.name, "rounding": self.mode,
             "beta": hexf(self.beta), "input": [hexf(x) for x in self.xs]}
        if self.base is not None:
            r["base"] = hexf(self.base)
        if self.label is not None:
            r["label"] = self.label
        if self.target is not None:
            r["target"] = [hexf(q) for q in self.target]
        if self.vector is not None:
            r["vector"] = [hexf(v) for v in self.vector]
        return r


def row_from_request(req):
    """A Row from a JSON-lines request (the protocol's keys and defaults; numbers as hex or decimal)."""
    f = FORMATS[req.get("format", "f64")]

    def num(v):
        v = str(v).strip()
        if v.lower().lstrip("+-") in ("inf", "infinity", "nan"):
            return float(v)
        if "0x" in v.lower():
            return in_fmt(float.fromhex(v), f) if f.name != "f64" else float.fromhex(v)
        return round_frac(Fraction(v), f, "nearest")  # one rounding, as the tool does

    return Row(req.get("function", "softmax"), f, req.get("rounding", "nearest"),
               [num(x) for x in req.get("input", [])], num(req.get("beta", "1")),
               num(req["base"]) if "base" in req else None, req.get("label"),
               [num(x) for x in req["target"]] if "target" in req else None,
               [num(x) for x in req["vector"]] if "vector" in req else None)
