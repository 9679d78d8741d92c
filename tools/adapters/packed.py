"""The packed form of the protocol for the adapters (tools/adapters/README.md, "Packed form").

A request with "encoding": "base64-le" carries `input` (and `target`, `vector`) as standard
base64 of the little-endian bit patterns of its format: 2 bytes per f16 or bf16 value, 4 per f32,
8 per f64. It is decoded with numpy.frombuffer, answered by the adapter's own `answer`, and the
answer is packed the same way: {"encoding": "base64-le", "format", "function", "id", "output",
"rounding"} (and "gradient" for cross-entropy). Plain lines go to softmaxref_tools.protocol.serve
unchanged, so an adapter that calls this `serve` speaks both forms on one stream.
"""
import base64
import binascii
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tools/
from softmaxref_tools import protocol  # noqa: E402

import numpy as np  # noqa: E402

ENCODING = "base64-le"
WIDTHS = {"f16": "<f2", "bf16": "<u2", "f32": "<f4", "f64": "<f8"}


def decode(text, fmt):
    """The values of a packed row as float64 (exact: every format here is a subset of binary64)."""
    if not isinstance(text, str):
        raise protocol.BadRequest("packed values must be a base64 string")
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as e:
        raise protocol.BadRequest("bad base64: %s" % e)
    dtype = np.dtype(WIDTHS[fmt])
    if len(raw) % dtype.itemsize:
        raise protocol.BadRequest("%d bytes is not a whole number of %s values" % (len(raw), fmt))
    values = np.frombuffer(raw, dtype=dtype)
    if fmt == "bf16":  # a bfloat16 is the top half of a binary32
        values = (values.astype("<u4") << 16).view("<f4")
    return values.astype(np.float64)


def encode(values, fmt):
    """Values (an array, list or tensor of the format's values) as a packed row."""
    if hasattr(values, "detach"):  # a torch tensor (bfloat16 has no NumPy dtype: widen first)
        values = values.detach().float().cpu().numpy()
    values = np.asarray(values, dtype=np.float64).ravel()
    if fmt == "bf16":
        raw = (values.astype("<f4").view("<u4") >> 16).astype("<u2").tobytes()
    else:
        raw = values.astype(WIDTHS[fmt]).tobytes()
    return base64.b64encode(raw).decode("ascii")


def answer_packed(answer, raw):
    """The packed answer object to one packed request (errors as in the plain form)."""
    request_id = raw.get("id")
    fmt = raw.get("format", "f64")
    try:
        if fmt not in WIDTHS:
            return {"id": request_id, "error": "unsupported"}
        plain = dict(raw)
        plain.pop("encoding")
        for key in ("input", "target", "vector"):
            if raw.get(key) is not None:
                plain[key] = decode(raw[key], fmt).tolist()
        req = protocol.Request(plain)
        if req.function not in protocol.FUNCTIONS:
            return {"id": request_id, "error": "unsupported"}
        result = answer(req)
        out = {"encoding": ENCODING, "format": fmt, "function": req.function, "id": request_id,
               "rounding": raw.get("rounding", "nearest")}
        if isinstance(result, dict):
            out["output"] = encode(result["output"], fmt)
            if result.get("gradient") is not None:
                out["gradient"] = encode(result["gradient"], fmt)
        else:
            out["output"] = encode(result, fmt)
        return out
    except protocol.Unsupported:
        return {"id": request_id, "error": "unsupported"}
    except protocol.BadRequest as e:
        return {"id": request_id, "error": "bad request: %s" % e}
    except Exception as e:
        return {"id": request_id, "error": "%s: %s" % (type(e).__name__, str(e).strip()[:400])}


def serve(answer, name="adapter", stdin=None, stdout=None):
    """protocol.serve, with packed requests answered here in the order they come."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout

    def plain_lines():
        for line in stdin:
            raw = None
            if '"encoding"' in line:
                try:
                    raw = json.loads(line)
                except ValueError:
                    raw = None
            if isinstance(raw, dict) and raw.get("encoding") is not None:
                if raw["encoding"] != ENCODING:
                    reply = {"id": raw.get("id"), "error": "bad request: unknown encoding %r" % raw["encoding"]}
                else:
                    reply = answer_packed(answer, raw)
                stdout.write(json.dumps(reply, separators=(",", ":")) + "\n")
                stdout.flush()
            else:
                yield line

    protocol.serve(answer, name=name, stdin=plain_lines(), stdout=stdout)
