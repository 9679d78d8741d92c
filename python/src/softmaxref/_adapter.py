"""A Python callable as an implementation speaking the JSON-lines protocol of
`softmax-ref validate --command` (tools/adapters/README.md): requests are parsed into arrays of the
requested dtype, passed to the callable, and its results printed exactly as hex floats.

How the callable is called (x is a 1-D array, or 2-D of several rows when batched):
  softmax, log-softmax, logsumexp, sigmoid, jacobian: fn(x), or fn(x, beta=β) when fn takes `beta`
    (otherwise x is multiplied by β in its dtype first, as a framework would);
  cross-entropy: fn(x, label=i) or fn(x, target=q) -> (loss, gradient);
  softmax-vjp: fn(x, v);
  an activation: fn(x), plus its alpha / beta / max_value / threshold as keywords when fn takes
    them (the request's value, else the default in the format); a value other than the default
    for a keyword fn does not take makes the request "unsupported".
Requests for functions other than `functions` (the properties also ask for relatives, such
as log-softmax beside softmax) are answered "unsupported".
A result of another float dtype is converted to x's dtype (one rounding, as storing it would).
NotImplementedError answers "unsupported"; any other exception is the implementation's error."""

import inspect
import json

import numpy as np

from . import _formats

FAMILY = ("softmax", "log-softmax", "logsumexp", "sigmoid", "jacobian", "cross-entropy", "softmax-vjp")
# The activations' parameters and their defaults (relu's max_value: none, no clip).
PARAMETERS = {"softplus": {"beta": 1.0}, "swish": {"beta": 1.0}, "silu": {"beta": 1.0}, "elu": {"alpha": 1.0},
              "leaky-relu": {"alpha": 0.01}, "relu": {"alpha": 0.0, "max_value": None, "threshold": 0.0}}


class Unsupported(Exception):
    """The callable does not offer this request's function, format or parameter."""


def number(text):
    if text in ("inf", "-inf", "nan"):
        return float(text)
    return float.fromhex(text) if "0x" in str(text).lower() else float(text)


def hex_values(array):
    return [float.hex(v) for v in np.asarray(array).astype(np.float64).reshape(-1).tolist()]


class Adapter:
    """Answers protocol requests with `fn` (see the module's doc for the calling convention)."""

    def __init__(self, fn, functions, batched=False):
        self.fn = fn
        self.functions = set(functions)
        self.batched = batched
        self.keywords = _keywords(fn)

    def answer_lines(self, lines):
        """Answer lines (text, no newline) for request lines, grouping compatible consecutive
        requests into one call when batched."""
        requests, out = [], []
        for line in lines:
            try:
                requests.append(json.loads(line))
            except ValueError as error:
                requests.append({"_bad": "bad request: %s" % error})
        groups = []
        for req in requests:
            if self.batched and groups and _key(groups[-1][0]) == _key(req) and _key(req) is not None:
                groups[-1].append(req)
            else:
                groups.append([req])
        for group in groups:
            out.extend(self._answer_group(group))
        return [json.dumps(a, separators=(",", ":")) for a in out]

    def _answer_group(self, group):
        if len(group) > 1:
            try:
                return self._call(group)
            except Exception:  # Unsupported included: each request then says so
                pass  # answer each alone, so an error belongs to its own request
        answers = []
        for req in group:
            try:
                answers.extend(self._call([req]))
            except Unsupported:
                answers.append({"id": req.get("id"), "error": "unsupported"})
            except NotImplementedError:
                answers.append({"id": req.get("id"), "error": "unsupported"})
            except Exception as error:
                text = str(error).strip().splitlines()
                answers.append({"id": req.get("id"), "error": ("%s: %s" % (type(error).__name__, text[0] if text else "")).strip()[:500]})
        return answers

    def _call(self, group):
        """Calls fn once on the group's rows (stacked when batched) and splits the results."""
        first = group[0]
        if "_bad" in first:
            raise ValueError(first["_bad"])
        function, fmt = first.get("function", "softmax"), first.get("format", "f64")
        if function not in self.functions:
            raise Unsupported(function)
        try:
            dtype = _formats.dtype_of(fmt)
        except (KeyError, TypeError) as error:
            raise Unsupported(str(error))
        x = self._rows(group, "input", dtype)
        kwargs, args = {}, []
        beta = number(first.get("beta", "1"))
        if function in FAMILY:
            if "beta" in self.keywords:
                kwargs["beta"] = dtype.type(beta)
            elif beta != 1:
                x = (dtype.type(beta) * x).astype(dtype)
            if function == "cross-entropy":
                if first.get("label") is not None:
                    labels = np.array([r["label"] for r in group])
                    kwargs["label"] = labels if self.batched else int(labels[0])
                else:
                    kwargs["target"] = self._rows(group, "target", dtype)
            if function == "softmax-vjp":
                args.append(self._rows(group, "vector", dtype))
        else:
            kwargs.update(self._parameters(first, function, dtype))
        result = self.fn(x, *args, **kwargs)
        return self._split(group, function, dtype, result)

    def _rows(self, group, key, dtype):
        rows = [np.array([number(v) for v in r.get(key) or []], dtype=np.float64).astype(dtype) for r in group]
        return np.stack(rows) if self.batched else rows[0]

    def _parameters(self, req, function, dtype):
        """The function's parameters that fn takes as keywords: the request's values, else the
        defaults in the format. Unsupported when fn lacks a keyword whose value is not the default."""
        out = {}
        for name, default in PARAMETERS.get(function, {}).items():
            fallback = None if default is None else dtype.type(default)
            value = fallback if req.get(name) is None else dtype.type(number(req[name]))
            if name in self.keywords:
                if value is not None:
                    out[name] = value
            elif value is not None and not (fallback is not None and value == fallback):
                raise Unsupported("%s takes no %s" % (getattr(self.fn, "__name__", "fn"), name))
        return out

    def _split(self, group, function, dtype, result):
        """The answers of a group from fn's result (a batch of rows when batched)."""
        if function == "cross-entropy":
            loss, gradient = result
            losses = _as(loss, dtype).reshape(len(group), -1)
            grads = _as(gradient, dtype).reshape(len(group), -1)
            return [{"id": r.get("id"), "output": hex_values(losses[i]), "gradient": hex_values(grads[i])}
                    for i, r in enumerate(group)]
        values = _as(result, dtype).reshape(len(group), -1)
        return [{"id": r.get("id"), "output": hex_values(values[i])} for i, r in enumerate(group)]


def _as(values, dtype):
    array = np.asarray(values)
    if array.dtype.kind == "O" or array.dtype != dtype:
        array = array.astype(dtype)
    return array


def _keywords(fn):
    """The keyword names fn takes; every name when it takes **kwargs; none when unknown."""
    try:
        parameters = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return set()
    if any(p.kind == inspect.Parameter.VAR_KEYWORD for p in parameters):
        return {"alpha", "beta", "max_value", "threshold", "label", "target"}
    return {p.name for p in parameters if p.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)}


def _key(req):
    """Requests with equal keys can share one batched call; None for a request that cannot."""
    if "_bad" in req or not isinstance(req.get("input"), list):
        return None
    return tuple([req.get("function"), req.get("format"), len(req["input"]), req.get("label") is None]
                 + [req.get(k) for k in ("beta", "alpha", "max_value", "threshold")])
