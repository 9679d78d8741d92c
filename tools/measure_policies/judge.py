"""measure-policies' judging: running the programs and classifying each answer by kind."""

import math
from softmaxref_tools import environment
from softmaxref_tools.batch import converse as run_program
from softmaxref_tools.peers import BY_POLICY as PEERS
from softmaxref_tools.protocol import flatten, parse_number as parse
from measure_policies.probes import KINDS, say


# ---------------------------------------------------------------------------------------------
# Talking to the programs


def converse(command, requests, timeout):
    """Sends the requests to a program and returns its answers (None where there is none)."""
    answers, code, stderr, timed_out = run_program(command, requests, timeout)
    name = " ".join(command)
    if timed_out:
        say("%s: no answer within %d s" % (name, timeout))
    elif code != 0:
        say("%s exited %d: %s" % (name, code, (stderr.strip().splitlines() or [""])[-1]))
    return answers


def versions(policy):
    """{distribution: version} of a peer's environment (those installed)."""
    peer = PEERS[policy]
    return {n: v for n, v in environment.versions(peer.python, peer.distributions).items() if v}


# ---------------------------------------------------------------------------------------------
# Classification


def outputs(answer):
    return [parse(v) for v in flatten(answer.get("output", [])) + flatten(answer.get("gradient", []))]


TOLERANCE = {"f16": 2.0 ** -6, "bf16": 2.0 ** -5, "f32": 2.0 ** -16, "f64": 2.0 ** -40}


def close(a, b, fmt):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= TOLERANCE[fmt] * max(1.0, abs(b))


def expected_count(function, n):
    return {"logsumexp": 1, "jacobian": n * n, "cross-entropy": n + 1}.get(function, n)


def poisoned(specials, n):
    """The entries that are +inf or NaN."""
    return [i for i in range(n) if specials.get(str(i)) in ("inf", "nan")]


def accepts(kind, probe, answer, reference):
    """Does `kind`'s rule accept this answer? (The rules of FrameworkPolicy.verdict in Swift.)"""
    req, n, fmt, function = probe["request"], probe["n"], probe["request"]["format"], probe["request"]["function"]
    if answer is None or "error" in answer:
        return kind == "raises" and answer is not None and answer.get("error") != "unsupported"
    v = outputs(answer)
    if kind == "limit":
        if reference is None or "error" in reference:
            return False
        r = outputs(reference)
        return len(v) == len(r) and all(close(a, b, fmt) for a, b in zip(v, r))
    if len(v) != expected_count(function, n):
        return False
    bad = set(poisoned(probe["specials"], n))
    zero_or_nan = lambda x: x == 0 or math.isnan(x)
    if kind == "allNaN":
        return len(v) > 0 and all(math.isnan(x) for x in v)
    if kind == "negativeInfinityAndNaN":
        return function in ("softmax", "log-softmax", "sigmoid", "softmax-vjp") and all(
            math.isnan(v[i]) if i in bad else v[i] == -math.inf for i in range(n))
    if kind == "nanAtNonFiniteElseZero":
        return function in ("softmax", "log-softmax", "sigmoid", "softmax-vjp") and all(
            math.isnan(v[i]) if i in bad else zero_or_nan(v[i]) for i in range(n))
    if kind == "nanNotPropagated":
        return function in ("softmax", "log-softmax", "sigmoid", "softmax-vjp") and all(math.isnan(v[i]) for i in bad)
    if kind == "nanOrInfinity":
        entries = set(probe["specials"].values())
        return function == "logsumexp" and (
            math.isnan(v[0]) or (v[0] == math.inf and "inf" in entries) or (v[0] == -math.inf and "-inf" in entries))
    if kind == "nanLoss":
        if function != "cross-entropy" or reference is None or "error" in reference:
            return False
        r = outputs(reference)
        return math.isnan(v[0]) and all(close(a, b, fmt) for a, b in zip(v[1:], r[1:]))
    return False


def classify(probe, answer, reference):
    if answer is not None and answer.get("error") == "unsupported":
        return "unsupported"
    for kind in KINDS:
        if accepts(kind, probe, answer, reference):
            return kind
    return "other"


def pattern(answer):
    """The answer's outputs as classes, run-length coded: N NaN, + +inf, - −inf, 0 zero, f finite."""
    if answer is None:
        return "(no answer)"
    if "error" in answer:
        return "error: " + answer["error"][:120]
    marks = []
    for x in outputs(answer):
        marks.append("N" if math.isnan(x) else "+" if x == math.inf else "-" if x == -math.inf else "0" if x == 0 else "f")
    runs, i = [], 0
    while i < len(marks):
        j = i
        while j < len(marks) and marks[j] == marks[i]:
            j += 1
        runs.append(marks[i] + ("*%d" % (j - i) if j - i > 1 else ""))
        i = j
    return " ".join(runs) if runs else "(empty)"


def compact(probe):
    """A probe as policies.json keeps it: the row is rebuilt from n and the non-finite entries
    (the others are background(i)), softmax-vjp's vector is vector_entry(i), and a target lists
    its nonzero entries only."""
    req = probe["request"]
    out = {"function": req["function"], "format": req["format"], "beta": req["beta"], "n": probe["n"],
           "specials": probe["specials"]}
    if "label" in req:
        out["label"] = req["label"]
    if "target" in req:
        out["target"] = {str(i): q for i, q in enumerate(req["target"]) if parse(q) != 0}
    return out


def summarise(probe_list, answers, references):
    """{function: {format: {situation: entry}}}: the situation's answer, the count of each kind, and
    each distinct answer other than limit and allNaN with its count and one probe that gave it."""
    table, groups = {}, {}
    for probe, answer, reference in zip(probe_list, answers, references):
        req = probe["request"]
        groups.setdefault((req["function"], req["format"], probe["situation"]), []).append((probe, answer, reference))
    for (function, fmt, sit), items in groups.items():
        kinds, seen = {}, {}
        for probe, answer, reference in items:
            kind = classify(probe, answer, reference)
            kinds[kind] = kinds.get(kind, 0) + 1
            if kind not in ("limit", "allNaN", "unsupported"):
                key = (kind, pattern(answer))
                if key not in seen:
                    seen[key] = {"kind": kind, "pattern": key[1], "count": 0, "example": compact(probe)}
                seen[key]["count"] += 1
        judged = [(p, a, r) for p, a, r in items if not (a and a.get("error") == "unsupported")]
        if not judged:
            overall = "unsupported"
        else:
            overall = next((k for k in KINDS if all(accepts(k, p, a, r) for p, a, r in judged)), "mixed")
        entry = {"answer": overall, "kinds": kinds, "example": compact(items[0][0])}
        if seen:
            entry["seen"] = list(seen.values())
        table.setdefault(function, {}).setdefault(fmt, {})[sit] = entry
    return table
