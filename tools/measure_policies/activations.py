"""measure-policies for the activations: each peer's answers at NaN, ±inf, ±0, subnormals and the
saturation points of each format, element by element, against the reference's limit conventions."""

import math
from softmaxref_tools.ieee import round_value
from softmaxref_tools.protocol import format_number as hexnum, parse_number as parse

ACTIVATIONS = ["tanh", "softplus", "log-sigmoid", "softsign", "exponential", "elu", "selu", "swish", "silu",
               "gelu", "gelu-tanh", "mish", "relu", "relu6", "leaky-relu", "hard-sigmoid", "hard-swish", "linear"]

# (the smallest subnormal, the largest subnormal, the smallest normal, the largest finite) per format.
LIMITS = {
    "f16": (2.0 ** -24, (2 ** 10 - 1) * 2.0 ** -24, 2.0 ** -14, 65504.0),
    "bf16": (2.0 ** -133, (2 ** 7 - 1) * 2.0 ** -133, 2.0 ** -126, (2 - 2.0 ** -7) * 2.0 ** 127),
    "f32": (2.0 ** -149, (2 ** 23 - 1) * 2.0 ** -149, 2.0 ** -126, (2 - 2.0 ** -23) * 2.0 ** 127),
    "f64": (2.0 ** -1074, (2 ** 52 - 1) * 2.0 ** -1074, 2.0 ** -1022, 1.7976931348623157e308),
}

# The input classes, in the order of the tables; the first three are the conventions validate's
# `--policy` judges by (FrameworkPolicy.InputClass in Swift), the others are finite inputs.
CLASSES = ["nan", "positive-infinity", "negative-infinity", "positive-zero", "negative-zero", "subnormal",
           "smallest-normal", "exp-overflow", "largest"]
CONVENTION_CLASSES = CLASSES[:3]

CLASS_TEXT = {
    "nan": "NaN",
    "positive-infinity": "+inf",
    "negative-infinity": "−inf",
    "positive-zero": "+0",
    "negative-zero": "−0",
    "subnormal": "±the smallest and ±the largest subnormal",
    "smallest-normal": "±the smallest normal",
    "exp-overflow": "±ln(largest finite) and ±the next value: where e^x overflows",
    "largest": "±the largest finite value",
}

SHORT = {"nan": "NaN", "positive-infinity": "+inf", "negative-infinity": "−inf", "positive-zero": "+0",
         "negative-zero": "−0", "subnormal": "subnormal", "smallest-normal": "min normal",
         "exp-overflow": "exp overflow", "largest": "±max"}

# Element kinds, tried in this order.
KINDS = {
    "limit": "the reference's answer: the same NaN, infinity or zero sign, a finite value within 2^-6 (f16, bf16), 2^-16 (f32), 2^-40 (f64) relative",
    "nan": "NaN where the limit is a number",
    "nanDropped": "a number where the limit is NaN (a NaN input not propagated)",
    "zeroSign": "a zero of the other sign",
    "flushed": "0 where the limit is a nonzero value below the smallest normal (a subnormal flushed, or rounded away)",
    "other": "anything else (an infinity where the limit is finite, a value far from it)",
}

TOLERANCE = {"f16": 2.0 ** -6, "bf16": 2.0 ** -5, "f32": 2.0 ** -16, "f64": 2.0 ** -40}

LANE_LENGTH = 33
LANE_POSITIONS = [0, 7, 8, 15, 16, 31, 32]


def probe_values(fmt):
    """[(class, value)] for a format, every value representable in it."""
    tiny, big_sub, normal, largest = LIMITS[fmt]
    overflow = round_value(math.log(largest), fmt, "down")
    beyond = round_value(math.nextafter(overflow, math.inf), fmt, "up")
    out = [("nan", math.nan), ("positive-infinity", math.inf), ("negative-infinity", -math.inf),
           ("positive-zero", 0.0), ("negative-zero", -0.0)]
    out += [("subnormal", s * v) for v in (tiny, big_sub) for s in (1, -1)]
    out += [("smallest-normal", normal), ("smallest-normal", -normal)]
    out += [("exp-overflow", s * v) for v in (overflow, beyond) for s in (1, -1)]
    out += [("largest", largest), ("largest", -largest)]
    return out


def lane_row():
    """[(class or None, value)]: NaN, +inf, −inf in turn at the lane boundaries of a row of 33."""
    specials = [("nan", math.nan), ("positive-infinity", math.inf), ("negative-infinity", -math.inf)]
    row = [(None, ((7 * i) % 9 - 4) / 4) for i in range(LANE_LENGTH)]
    for k, p in enumerate(LANE_POSITIONS):
        row[p] = specials[k % 3]
    return row


def probes(activations, formats, first_id):
    """Two requests per activation and format: the probe values, and the lane row."""
    out = []
    for fmt in formats:
        for activation in activations:
            for entries in (probe_values(fmt), lane_row()):
                request = {"id": first_id + len(out), "function": activation, "format": fmt,
                           "input": [hexnum(v) for _, v in entries]}
                out.append({"request": request, "classes": [c for c, _ in entries]})
    return out


def kind(y, r, fmt):
    """The kind of the peer's output y against the reference's r (floats)."""
    if math.isnan(r) or math.isnan(y):
        return "limit" if math.isnan(r) and math.isnan(y) else ("nan" if math.isnan(y) else "nanDropped")
    if math.isinf(r) or math.isinf(y):
        return "limit" if y == r else "other"
    if y == 0 and r == 0:
        return "limit" if math.copysign(1, y) == math.copysign(1, r) else "zeroSign"
    if y == 0 and abs(r) < LIMITS[fmt][2]:
        return "flushed"
    if abs(y - r) <= TOLERANCE[fmt] * abs(r) + 2 * LIMITS[fmt][0]:
        return "limit"
    return "other"


def outputs(answer):
    if answer is None or "error" in answer or not isinstance(answer.get("output"), list):
        return None
    return [parse(v) for v in answer["output"]]


def summarise(probe_list, answers, references):
    """{activation: {format: {class: entry}}}: the class's answer (a kind, "mixed", "unsupported" or
    "error"), the count of each kind, and one example of each kind other than limit."""
    table = {}
    for probe, answer, reference in zip(probe_list, answers, references):
        req = probe["request"]
        cells = table.setdefault(req["function"], {}).setdefault(req["format"], {})
        got, want = outputs(answer), outputs(reference)
        for i, cls in enumerate(probe["classes"]):
            if cls is None:
                continue
            e = cells.setdefault(cls, {"kinds": {}, "examples": {}})
            if answer is not None and answer.get("error") == "unsupported":
                k = "unsupported"
            elif got is None or want is None or len(got) != len(want):
                k = "error"
            else:
                k = kind(got[i], want[i], req["format"])
            e["kinds"][k] = e["kinds"].get(k, 0) + 1
            if k not in ("limit", "unsupported") and k not in e["examples"]:
                e["examples"][k] = {"input": req["input"][i],
                                    "output": answer["output"][i] if got is not None and len(got) > i else
                                    (answer or {}).get("error", "no answer"),
                                    "limit": reference["output"][i] if want is not None else None}
    for cells in table.values():
        for per_format in cells.values():
            for e in per_format.values():
                e["answer"] = next(iter(e["kinds"])) if len(e["kinds"]) == 1 else "mixed"
                if not e["examples"]:
                    del e["examples"]
    return table
