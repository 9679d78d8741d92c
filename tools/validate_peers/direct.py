"""validate-peers' direct mode: the peers' adapters and `compute --batch` on the same requests, compared in ulps."""

import math
import random
import shlex
import time
from softmaxref_tools.batch import converse
from softmaxref_tools.ieee import distance, round_value
from softmaxref_tools.peers import BY_NAME as PEERS
from softmaxref_tools.protocol import flatten, parse_number
from validate_peers.setup import FUNCTIONS


# ---------------------------------------------------------------------------------------------
# 3b. The direct fallback: peers against `compute --batch`


def to_format(x, fmt):
    """x rounded to nearest in the format."""
    return round_value(x, fmt)


def direct_requests(fmt, count, seed):
    rng = random.Random("%s-%d" % (fmt, seed))
    requests = []
    for i in range(count):
        function = FUNCTIONS[i % len(FUNCTIONS)]
        n = rng.choice([1, 2, 3, 4, 7, 10, 16, 33, 100]) if function != "jacobian" else rng.choice([1, 2, 3, 5, 8])
        scale = rng.choice([0.5, 1.0, 4.0, 20.0])
        family = rng.choice(["normal", "normal", "dominant", "near-ties"])
        values = [rng.gauss(0, scale) for _ in range(n)]
        if family == "dominant" and n > 1:
            values[rng.randrange(n)] += 8 * scale
        elif family == "near-ties":
            base = rng.gauss(0, scale)
            values = [base + rng.choice([0.0, 1e-3, -1e-3]) * abs(base) for _ in range(n)]
        beta = rng.choice([1.0, 1.0, 1.0, 0.5, 2.0, 0.3])
        req = {"id": i + 1, "function": function, "format": fmt,
               "beta": to_format(beta, fmt).hex(), "input": [to_format(v, fmt).hex() for v in values]}
        if function == "cross-entropy":
            if rng.random() < 0.5:
                req["label"] = rng.randrange(n)
            else:
                w = [rng.random() for _ in range(n)]
                req["target"] = [to_format(x / sum(w), fmt).hex() for x in w]
        requests.append(req)
    return requests


def direct_one(binary, peer, fmt, args, reference):
    requests = reference[fmt]["requests"]
    expected = reference[fmt]["answers"]
    start = time.time()
    got, _, _, timed_out = converse(shlex.split(PEERS[peer].command()), requests, timeout=args.timeout * len(requests))
    if timed_out:
        return {"peer": peer, "format": fmt, "error": "the adapter did not finish in time", "seconds": time.time() - start}
    stats = {}
    reference_errors = []
    for req, want, answer in zip(requests, expected, got):
        s = stats.setdefault(req["function"], {"cases": 0, "max": 0.0, "exact": 0, "failures": 0, "unsupported": 0})
        answer = answer or {"error": "no answer"}
        if answer.get("error") == "unsupported":
            s["unsupported"] += 1
            continue
        if "error" in want:  # the reference itself could not answer: not the peer's fault
            reference_errors.append(req["id"])
            continue
        s["cases"] += 1
        if "error" in answer or "output" not in answer:
            s["failures"] += 1
            s["max"] = math.inf
            continue
        mine = [parse_number(v) for v in flatten(answer["output"]) + flatten(answer.get("gradient", []))]
        theirs = [parse_number(v) for v in flatten(want["output"]) + flatten(want.get("gradient", []))]
        if len(mine) != len(theirs):
            s["failures"] += 1
            s["max"] = math.inf
            continue
        worst = max([distance(a, b, fmt) for a, b in zip(mine, theirs)] or [0.0])
        s["max"] = max(s["max"], worst)
        if worst == 0:
            s["exact"] += 1
    rows = []
    for function in FUNCTIONS:
        s = stats.get(function)
        if s is None:
            continue
        rows.append({"peer": peer, "function": function, "format": fmt, "cases": s["cases"],
                     "max_ulp": s["max"] if s["cases"] else None,
                     "share": s["exact"] / s["cases"] if s["cases"] else None,
                     "failures": s["failures"], "unsupported": s["unsupported"]})
    result = {"peer": peer, "format": fmt, "rows": rows, "seconds": time.time() - start}
    if reference_errors:
        result["error"] = "compute --batch could not answer request(s) %s; left out" % ", ".join(map(str, reference_errors))
    return result
