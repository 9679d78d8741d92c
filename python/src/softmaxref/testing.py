"""`assert_conforms`: judge a Python softmax (or any function of the family, or an activation)
with `softmax-ref validate`, the golden fixtures and the property harness, from plain pytest."""

import json
import os
import shlex
import subprocess
import sys

import numpy as np

from . import _formats, _locate
from ._adapter import Adapter
from ._server import AnswerServer

BRIDGE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_bridge.py")


def assert_conforms(fn, *, function="softmax", dtype=np.float32, profile="framework", policy="limit", cases=200,
                    seed=1, batched=False, ulps=None, timeout=60.0):
    """Runs `softmax-ref validate` on `fn` (a 1-D row in, a 1-D array out; 2-D, several rows,
    with `batched=True`; see softmaxref._adapter for the other functions' conventions): the
    fixtures of `function` (a name or a list of names, as `compute --function` spells them), then
    `cases` generated cases per property in the format of `dtype`, judged by `profile` (with
    `ulps` for "bounded") and `policy`. Returns the report (a dict) when everything holds; raises
    AssertionError listing each failure with its counterexample, ulp error and replay command."""
    functions = [function] if isinstance(function, str) else list(function)
    fmt = _formats.format_of(dtype)
    server = AnswerServer(Adapter(fn, functions, batched=batched))
    bridge = " ".join(shlex.quote(p) for p in (sys.executable, BRIDGE, server.path))
    command = [_locate.binary(), "validate", "--command", bridge, "--format", fmt, "--profile", profile,
               "--policy", policy, "--cases", str(cases), "--seed", str(seed), "--timeout", str(timeout),
               "--fixtures", _locate.fixtures(), "--report", "json",
               "--name", getattr(fn, "__name__", "fn")]
    command += [a for f in functions for a in ("--function", f)]
    if ulps is not None:
        command += ["--ulps", str(ulps)]
    try:
        run = subprocess.run(command, capture_output=True, text=True)
    finally:
        server.close()
    if run.returncode not in (0, 1):
        raise ValueError("softmaxref: softmax-ref validate exited %d: %s" % (run.returncode, run.stderr.strip()))
    report = json.loads(run.stdout)
    if not report["passed"]:
        raise AssertionError(failure_text(report, functions, fmt, bridge))
    return report


def failure_text(report, functions, fmt, bridge):
    """What failed in a validate report: fixtures case by case, properties with their shrunk
    counterexample, ulp error and replay command."""
    lines = ["%s does not conform in %s (profile %s, policy %s):"
             % ("/".join(functions), fmt, report["profile"], report["policy"])]
    for summary in report["fixtures"]:
        problems = summary["failures"] + summary["non_finite"]["defects"]
        if not problems and not summary["not_run"]:
            continue
        lines.append("  fixtures %s %s: %d of %d cases failed, max %s ulp%s" % (
            summary["function"], summary["format"], len(summary["failures"]), summary["cases"], summary["max_ulp"],
            ", %d not run" % summary["not_run"] if summary["not_run"] else ""))
        seen = set()
        for problem in problems:
            if (problem["case"], problem["reason"]) not in seen:
                seen.add((problem["case"], problem["reason"]))
                lines.append("    %s: %s" % (problem["case"], problem["reason"]))
    for properties in report["properties"]:
        for prop in properties["properties"]:
            if prop["passed"]:
                continue
            lines.append("  property %s (%s, seed %d): max %s ulp" % (prop["name"], properties["format"], properties["seed"],
                                                                    prop["max_ulp"]))
            failure = prop.get("failure")
            if failure:
                lines.append("    %s" % failure["reason"])
                lines.append("    counterexample: [%s] beta %s (family %s, case %d)" % (
                    ", ".join(failure["counterexample"]), failure["beta"], failure["family"], failure["case_index"]))
                lines.append("    replay: %s" % failure["replay"].replace(bridge, "<your function>"))
    return "\n".join(lines)
