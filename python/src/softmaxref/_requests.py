"""Request lines for `compute --batch` and the arrays in its answers, in the packed form
(`"encoding": "base64-le"`) or, for a binary without it, as lists of hex floats."""

import base64
import json
import math

import numpy as np

from . import _formats


def number(value, what):
    """A parameter as protocol text: a string is sent as it is (a decimal is read exactly and
    rounded once to the format); a number as its exact hex float."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError("softmaxref: %s must be a number; got %r" % (what, value))
    v = float(value)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v.hex()


class Codec:
    """How arrays travel: packed (base64 of little-endian bits) or hex-float lists."""

    def __init__(self, packed):
        self.packed = packed

    def prefix(self, fields):
        """The constant head of every request line of one call: its keys without id and arrays."""
        if self.packed:
            fields = dict(fields, encoding=_formats.ENCODING)
        return json.dumps(fields, separators=(",", ":"))[:-1].encode() + b","

    def array(self, data, fmt):
        """One row (little-endian bytes) as the JSON value of an array key."""
        if self.packed:
            return b'"' + base64.b64encode(data) + b'"'
        values = _formats.from_bytes(data, fmt).astype(np.float64).tolist()
        return json.dumps([number(v, "value") for v in values]).encode()

    def parse(self, line):
        """An answer line as a dict. A packed answer without an error has its arrays taken
        straight from the line (base64 has no characters JSON escapes), not through json.loads."""
        if self.packed and b'"error"' not in line:
            answer = {}
            for key in ("output", "gradient"):
                start = line.find(b'"%s":"' % key.encode())
                if start >= 0:
                    start += len(key) + 4
                    answer[key] = line[start:line.index(b'"', start)]
            if "output" in answer:
                return answer
        return json.loads(line)

    def values(self, answer, key, fmt):
        """The little-endian bytes of an answer's array `key` (a Jacobian's rows flattened)."""
        value = answer[key]
        if self.packed:
            return base64.b64decode(value)
        flat = [v for row in value for v in row] if value and isinstance(value[0], list) else value
        floats = [float(v) if v in ("inf", "-inf", "nan") else float.fromhex(v) for v in flat]
        return _formats.little_endian_bytes(np.array(floats, dtype=np.float64).astype(_formats.dtype_of(fmt)))
