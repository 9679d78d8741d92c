"""measure-policies' probes: rows with NaN and ±inf at the kernels' lane boundaries, for every function."""

import math
import os
import sys
from softmaxref_tools.protocol import format_number as hexnum, parse_number as parse


JSON_PATH = os.path.join("tools", "adapters", "policies.json")


MD_PATH = os.path.join("tools", "adapters", "POLICIES.md")


FUNCTIONS = ["softmax", "log-softmax", "logsumexp", "sigmoid", "jacobian", "cross-entropy", "softmax-vjp"]


FORMATS = ["f16", "bf16", "f32", "f64"]


LENGTHS = [1, 2, 3, 17, 33, 100]


JACOBIAN_MAX = 33


LANE_POSITIONS = [0, 7, 8, 15, 16, 31, 32]


# The situations, in the order FrameworkPolicy.situation(of:) decides them (β > 0).
SITUATIONS = ["empty", "nan-and-infinity", "nan", "all-negative-infinity", "several-positive-infinity",
              "positive-infinity", "negative-infinity", "negative-infinity-zero-target"]


SITUATION_TEXT = {
    "empty": "an empty row",
    "nan-and-infinity": "NaN with ±inf entries",
    "nan": "a NaN entry (the rest finite)",
    "all-negative-infinity": "a row of all −inf",
    "several-positive-infinity": "two or more +inf entries",
    "positive-infinity": "one +inf entry (the rest finite or −inf)",
    "negative-infinity": "−inf entries among finite ones (masking)",
    "negative-infinity-zero-target": "cross-entropy: −inf entries among finite ones, a target with no mass on one of them",
}


# Answer kinds, in the order they are tried. Each is a rule on the flattened outputs.
KINDS = {
    "limit": "the limit policy's answer (SoftmaxRef's; finite values within a loose tolerance)",
    "allNaN": "NaN in every output",
    "raises": "an error (an exception in the framework)",
    "negativeInfinityAndNaN": "NaN at the +inf and NaN entries, −inf at the others",
    "nanAtNonFiniteElseZero": "NaN at the +inf and NaN entries, 0 or NaN at the others (n outputs)",
    "nanNotPropagated": "NaN at the +inf and NaN entries, anything at the others (n outputs): a NaN that does not reach every output",
    "nanOrInfinity": "LogSumExp: NaN, or ±inf when the row has an entry of that infinity (a NaN entry dropped)",
    "nanLoss": "cross-entropy: loss NaN (0·(−inf) in −Σ q·log s), gradient the limit's",
}


def say(*parts):
    print(*parts, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Probes


def background(i):
    return ((7 * i) % 9 - 4) / 4


def vector_entry(i):
    return ((5 * i) % 7 - 3) / 2


def positions(n):
    return sorted({p for p in LANE_POSITIONS + [n // 2, n - 1] if 0 <= p < n})


def rows(n):
    """(specials {position: "nan" | "inf" | "-inf"}) for a row of length n."""
    out = []
    if n == 0:
        return [{}]
    ps = positions(n)
    out.append({p: "-inf" for p in range(n)})
    for p in ps:
        out += [{p: "nan"}, {p: "inf"}]
        if n > 1:
            out.append({p: "-inf"})
            out.append({q: "-inf" for q in range(n) if q != p})
            q = next((r for r in ps if r != p), None)
            out += [{p: "nan", q: "inf"}, {p: "nan", q: "-inf"}, {p: "inf", q: "-inf"}, {p: "inf", q: "inf"}]
    if n > 1:
        out.append({p: "inf" for p in range(n)})
    seen, unique = set(), []
    for s in out:
        key = tuple(sorted(s.items()))
        if key not in seen:
            seen.add(key)
            unique.append(s)
    return unique


def situation(specials, n, extra=None):
    """The situation of a row (and of a cross-entropy target): FrameworkPolicy.situation(of:) in Swift."""
    kinds = list(specials.values())
    if n == 0:
        return "empty"
    if "nan" in kinds:
        return "nan-and-infinity" if any(k != "nan" for k in kinds) else "nan"
    if kinds.count("-inf") == n:
        return "all-negative-infinity"
    if kinds.count("inf") >= 2:
        return "several-positive-infinity"
    if "inf" in kinds:
        return "positive-infinity"
    if not kinds:
        return None
    target = (extra or {}).get("target")
    if target is not None and any(parse(target[int(i)]) == 0 for i in specials):
        return "negative-infinity-zero-target"
    return "negative-infinity"


def cross_entropy_variants(n, specials):
    """(name, extra request keys) for the cross-entropy probes of a row."""
    finite = [i for i in range(n) if i not in specials]
    special = sorted(specials)
    out = []
    if finite:
        out.append(("label on a finite entry", {"label": finite[0]}))
    if special:
        out.append(("label on a non-finite entry", {"label": special[0]}))
    if len(finite) >= 2:
        q = [0.5 if i in finite[:2] else 0.0 for i in range(n)]
        out.append(("target on finite entries", {"target": [hexnum(v) for v in q]}))
    elif len(finite) == 1:
        out.append(("target on finite entries", {"target": [hexnum(1.0 if i == finite[0] else 0.0) for i in range(n)]}))
    if special:
        q = [0.0] * n
        if finite:
            q[special[0]], q[finite[0]] = 0.5, 0.5
        else:
            q[special[0]] = 1.0
        out.append(("target on a non-finite entry", {"target": [hexnum(v) for v in q]}))
    if n == 0:
        out.append(("target of an empty row", {"target": []}))
    return out


def probes(functions, formats, lengths):
    out = []
    for fmt in formats:
        for function in functions:
            for n in [0] + lengths:
                if function == "jacobian" and n > JACOBIAN_MAX:
                    continue
                for specials in rows(n):
                    for beta in ([1.0, 0.5, 2.0] if n in (3, 17) else [1.0]):
                        row = [hexnum({"nan": math.nan, "inf": math.inf, "-inf": -math.inf}[specials[i]])
                               if i in specials else hexnum(background(i)) for i in range(n)]
                        base = {"function": function, "format": fmt, "beta": hexnum(beta), "input": row}
                        variants = cross_entropy_variants(n, specials) if function == "cross-entropy" else [("", {})]
                        if function == "softmax-vjp":
                            variants = [("", {"vector": [hexnum(vector_entry(i)) for i in range(n)]})]
                        for variant, extra in variants:
                            request = dict(base, id=len(out) + 1, **extra)
                            sit = situation(specials, n, extra)
                            out.append({"request": request, "situation": sit, "n": n, "variant": variant,
                                        "specials": {str(k): v for k, v in sorted(specials.items())}})
    return out
