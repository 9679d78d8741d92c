"""validate-peers' validate runs: one `softmax-ref validate` per peer and format, read back from its JSON report."""

import json
import os
import subprocess
import tempfile
import time
from softmaxref_tools.peers import BY_NAME as PEERS
from validate_peers.setup import run


# ---------------------------------------------------------------------------------------------
# 3a. Validation through `softmax-ref validate`


def validate_one(binary, peer, fmt, args, functions=(), group="family"):
    """One validate run of a peer in a format, on `functions` (validate's default when empty)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "report.json")
        cmd = [binary, "validate", "--command", PEERS[peer].command(), "--name", peer, "--format", fmt,
               "--report", "json", "--output", out, "--cases", str(args.cases), "--seed", str(args.seed),
               "--timeout", str(args.timeout)]
        for f in functions:
            cmd += ["--function", f]
        if group == "activations":  # judged by the peer's own measured conventions (--policy)
            cmd += ["--policy", PEERS[peer].policy]
        if args.profile:
            cmd += ["--profile", args.profile]
        start = time.time()
        try:
            r = run(cmd, capture_output=True, text=True, timeout=args.run_timeout)
        except subprocess.TimeoutExpired:
            return {"peer": peer, "format": fmt, "seconds": time.time() - start,
                    "error": "validate did not finish within %d s" % args.run_timeout}
        seconds = time.time() - start
        if args.keep_reports:
            os.makedirs(args.keep_reports, exist_ok=True)
            if os.path.exists(out):
                name = "%s-%s.json" % (peer, fmt) if group == "family" else "%s-%s-%s.json" % (peer, fmt, group)
                with open(out) as src, open(os.path.join(args.keep_reports, name), "w") as dst:
                    dst.write(src.read())
        document = None
        if os.path.exists(out):
            try:
                with open(out) as f:
                    document = json.load(f)
            except ValueError:
                document = None
        if r.returncode not in (0, 1) or document is None:
            message = (r.stderr.strip().splitlines() or ["no report"])[0]
            return {"peer": peer, "format": fmt, "error": "validate exited %d: %s" % (r.returncode, message),
                    "seconds": seconds}
        return {"peer": peer, "format": fmt, "document": document, "seconds": seconds}


def as_number(v):
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        try:
            return float(v)
        except ValueError:
            return None
    return None


def walk(node, found_functions, found_properties, fmt):
    """Collects per-function summaries and property results anywhere in a report."""
    if isinstance(node, list):
        for item in node:
            walk(item, found_functions, found_properties, fmt)
        return
    if not isinstance(node, dict):
        return
    if "function" in node and "format" in node and ("cases" in node or "max_ulp" in node):
        found_functions.append(node)
    if "name" in node and "passed" in node and isinstance(node.get("passed"), bool):
        found_properties.append((node, fmt))
    here = node.get("format", fmt) if isinstance(node.get("format"), str) else fmt
    for key, value in node.items():
        if isinstance(value, (list, dict)):
            walk(value, found_functions, found_properties, here)


def rows_from_report(result):
    """Scoreboard rows (one per function and format) and the property verdicts of a validate report:
    rows, {format: [(name, passed, max_ulp)]}."""
    functions, properties = [], []
    walk(result["document"], functions, properties, result["format"])
    verdicts = {}
    for p, fmt in properties:
        run_, skipped = as_number(p.get("cases_run")), as_number(p.get("skipped"))
        applied = not (run_ is not None and skipped is not None and skipped >= run_)
        verdicts.setdefault(fmt, []).append((str(p.get("name")), bool(p.get("passed")) if applied else None,
                                             p.get("max_ulp") if applied else None))
    rows = []
    for f in functions:
        cases = as_number(f.get("cases"))
        cr = as_number(f.get("correctly_rounded"))
        share = None
        if cr is not None and cases:
            # A count, unless it is a fraction (then it is already a share).
            share = cr / cases if float(cr).is_integer() else cr
        failures = f.get("failures")
        nfail = len(failures) if isinstance(failures, list) else as_number(failures)
        random_ulp = None
        for name, _, ulp in verdicts.get(f.get("format"), []):
            if name == "close-to-reference/%s" % f.get("function"):
                random_ulp = ulp
        finite, special = f.get("finite") or {}, f.get("non_finite") or {}
        finite_cases = as_number(finite.get("cases"))
        finite_cr = as_number(finite.get("correctly_rounded"))
        defects = special.get("defects")
        rows.append({
            "peer": result["peer"], "function": f.get("function"), "format": f.get("format"),
            "cases": finite_cases, "max_ulp": finite.get("max_ulp") if finite_cases else None,
            "share": finite_cr / finite_cases if finite_cr is not None and finite_cases else None,
            "conventions": "-" if not special.get("cases") else ", ".join(special.get("follows") or []) or "none",
            "defects": len(defects) if isinstance(defects, list) else None,
            "failures": nfail, "unsupported": as_number(f.get("unsupported")), "random_ulp": random_ulp,
        })
    return rows, verdicts
