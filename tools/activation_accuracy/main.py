"""The command line of tools/activation-accuracy."""

import argparse
import json
import os
import subprocess
import sys
import time

from softmaxref_tools import ROOT, binary
from softmaxref_tools.peers import BY_NAME, PEERS
from softmaxref_tools.protocol import ACTIVATIONS

from . import inputs, scoreboard, variants
from .runner import TOOL, PeerRun, Reference, interpreter, say, versions

FORMATS = ("f16", "bf16", "f32", "f64")
DEFAULT_OUTPUT = os.path.join(ROOT, "tools", "scoreboard-activations.md")


def names(text, allowed, what):
    chosen = [s.strip() for s in text.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in allowed]
    if unknown:
        print("%s: unknown %s %s; expected some of %s" % (TOOL, what, ", ".join(unknown), ", ".join(allowed)),
              file=sys.stderr)
        sys.exit(2)
    return chosen


def main(argv=None):
    ap = argparse.ArgumentParser(prog=TOOL, description="Each peer's activations against the correctly "
                                 "rounded ones of softmax-ref compute --batch; writes tools/scoreboard-activations.md.")
    ap.add_argument("--peers", default=",".join(p.name for p in PEERS))
    ap.add_argument("--functions", default=",".join(ACTIVATIONS))
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--samples", type=int, default=20000, help="inputs of f32 and f64 (f16, bf16: all 65,536)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=1024, help="inputs per request")
    ap.add_argument("--timeout", type=float, default=600, help="seconds for one function and format")
    ap.add_argument("--binary", help="softmax-ref (default: $SOFTMAXREF_BIN or the release build)")
    ap.add_argument("--no-install", action="store_true", help="do not create environments or pip-install")
    ap.add_argument("--output", default=DEFAULT_OUTPUT)
    ap.add_argument("--json", help="also write every cell (counts, worst input, examples) as JSON")
    ap.add_argument("--params", action="append", metavar="SPEC",
                    help="measure activations with these parameters instead of --functions: FUNCTION:KEY=VALUE[,KEY=VALUE] "
                         "(alpha, beta, max_value, threshold), repeatable; 'default' is %s; the scoreboard goes to "
                         "tools/scoreboard-activations-params.md unless --output" % "; ".join(variants.DEFAULT))
    args = ap.parse_args(argv)
    peers = names(args.peers, [p.name for p in PEERS], "peer")
    functions = names(args.functions, ACTIVATIONS, "function")
    try:
        chosen = variants.parse(args.params or []) or [variants.Variant(f, {}) for f in functions]
    except ValueError as e:
        print("%s: %s" % (TOOL, e), file=sys.stderr)
        sys.exit(2)
    if args.params and args.output == DEFAULT_OUTPUT:
        args.output = os.path.join(ROOT, "tools", "scoreboard-activations-params.md")
    fmts = names(args.formats, FORMATS, "format")
    if args.samples < 1 or args.chunk < 1:
        print("%s: --samples and --chunk must be positive" % TOOL, file=sys.stderr)
        sys.exit(2)

    reference = Reference(binary.locate(args.binary, tool=TOOL), args.chunk, args.timeout)
    values = {fmt: inputs.inputs(fmt, args.samples, args.seed) for fmt in fmts}
    cells, ran = {}, {}
    started = time.time()
    for name in peers:  # one framework at a time; the scoreboard is rewritten after each
        python = interpreter(BY_NAME[name], install=not args.no_install)
        if python is None:
            continue
        ran[name] = versions(BY_NAME[name], python)
        run = PeerRun(BY_NAME[name], python, args.chunk, args.timeout)
        for fmt in fmts:
            for v in chosen:
                params = v.keys(fmt)
                correct = reference.outputs(v.function, fmt, values[fmt], params)
                cell = run.cell(v.function, fmt, values[fmt], correct, params, v.label)
                cells[(name, v.label, fmt)] = cell
                say("%-11s %-4s %-12s %s" % (name, fmt, v.label, scoreboard.summary(cell)))
        run.close()
        write(args, cells, ran, fmts, [v.label for v in chosen], time.time() - started)
    reference.close()
    if not ran:
        print("%s: no peer can run" % TOOL, file=sys.stderr)
        return 1
    return 0


def write(args, cells, ran, fmts, functions, seconds):
    """The scoreboard (and the JSON of the cells) of the peers run so far."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    header = ["Written by `tools/activation-accuracy` (seed %d, %d sampled inputs for f32 and f64, all 65,536 "
              "encodings of f16 and bf16; the reference `softmax-ref compute --batch` at commit %s, rounding to "
              "nearest; %.0f s). " % (args.seed, args.samples, commit or "?", seconds)
              + ("Parameters as named in each row (rounded to the format; α of relu is its negative slope, max its "
                 "max_value, t its threshold); the peers that have no argument for one decline (—)." if args.params else
                 "Parameters are the defaults (β = 1, elu's α = 1, leaky-relu's α = 0.01 rounded to the format, relu "
                 "without slope, maximum or threshold).")]
    text = scoreboard.render(cells, list(ran), ran, fmts, functions, header + kept_findings(args.output))
    with open(args.output, "w") as out:
        out.write(text)
    say("wrote %s" % os.path.relpath(args.output))
    if args.json:
        with open(args.json, "w") as out:
            json.dump([c.as_json() for c in cells.values()], out, indent=1)


def kept_findings(path):
    """The "## Findings" section of the scoreboard already at `path` (written by hand: what the
    tables show, with versions), as lines to keep above the regenerated tables."""
    if not os.path.exists(path):
        return []
    text = open(path).read()
    start = text.find("\n## Findings\n")
    if start < 0:
        return []
    end = text.find("\n## ", start + 1)
    return [""] + text[start + 1:end if end >= 0 else len(text)].rstrip("\n").split("\n")
