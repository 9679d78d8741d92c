"""`crosscheck-mpmath --activations`: every activation, parameter variant, format and rounding mode
through `softmax-ref compute --batch` (one request per variant, format and mode, holding all the
inputs), against activation_eval's values; outputs compared bit for bit."""

import argparse
import json
import sys
import time
from collections import defaultdict

from mpmath import mp

from softmaxref_tools.batch import BatchProcess
from softmaxref_tools.binary import locate

from .activation_eval import expected
from .activation_inputs import RandomInputs, encodings, variants
from .activation_params import ACTIVATIONS, Params
from .decide import approx_str
from .ieee import FORMATS, MODES, bits, hexf


def groups(args):
    """(function, variant, format, inputs), exhaustive formats first."""
    fns = args.functions.split(",")
    exhaustive = [FORMATS[x] for x in args.exhaustive.split(",") if x]
    sampled = [FORMATS[x] for x in args.random_formats.split(",") if x]
    for f in exhaustive:
        xs = encodings(f)
        for fn in fns:
            for variant in variants(fn, not args.no_variants):
                yield fn, variant, f, xs
    for fi, f in enumerate(sampled):
        for ni, fn in enumerate(fns):
            for vi, variant in enumerate(variants(fn, not args.no_variants)):
                gen = RandomInputs(args.seed * 1000003 + fi * 10007 + ni * 101 + vi, f)
                yield fn, variant, f, gen.inputs(args.rows)


def label(fn, variant):
    return fn + "".join(f" {k}={v}" for k, v in sorted(variant.items()))


def request(rid, fn, variant, f, mode, xs):
    r = {"id": rid, "function": fn, "format": f.name, "rounding": mode, "input": [hexf(x) for x in xs]}
    r.update(variant)
    return r


def parse_arguments(description):
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--activations", action="store_true", help="this mode: the activations")
    ap.add_argument("--functions", default=",".join(ACTIVATIONS))
    ap.add_argument("--exhaustive", default="f16,bf16", help="formats checked on all 65,536 encodings ('' for none)")
    ap.add_argument("--random-formats", default="f32,f64", help="formats checked on --rows random inputs")
    ap.add_argument("--rows", type=int, default=2000, help="random inputs per function, variant and format")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--roundings", default=",".join(MODES))
    ap.add_argument("--no-variants", action="store_true", help="default parameters only")
    ap.add_argument("--binary", help="softmax-ref binary (default: $SOFTMAXREF_BIN, else .build-release)")
    ap.add_argument("--max-report", type=int, default=20, help="mismatches printed in full")
    args = ap.parse_args()
    for option, given, known in (("--functions", args.functions, ACTIVATIONS), ("--roundings", args.roundings, MODES),
                                 ("--exhaustive", args.exhaustive, ["f16", "bf16"]),
                                 ("--random-formats", args.random_formats, list(FORMATS))):
        for name in given.split(","):
            if name and name not in known:
                ap.error(f"{option}: unknown '{name}'; expected {', '.join(known)}")
    return args


def main(description):
    args = parse_arguments(description)
    modes = args.roundings.split(",")
    binary = locate(args.binary, tool="crosscheck")
    print(f"crosscheck --activations: exhaustive {args.exhaustive or 'none'}, {args.rows} random inputs per "
          f"function, variant and format in {args.random_formats or 'none'}, seed {args.seed}; binary {binary}",
          flush=True)
    t_start = time.time()
    process = BatchProcess([binary, "compute", "--batch"])
    stats = defaultdict(lambda: [0, 0, 0, 0])  # requests, outputs, mismatches, errors
    problems = []
    t_tool = t_ours = 0.0
    max_p = 0
    rid = 0
    for fn, variant, f, xs in groups(args):
        reqs = [request(rid + i, fn, variant, f, m, xs) for i, m in enumerate(modes)]
        rid += len(reqs)
        if sys.stderr.isatty():
            print(f"  {f.name} {label(fn, variant)}: {len(xs)} inputs", file=sys.stderr, flush=True)
        exchange = process.send(reqs)
        t0 = time.time()
        p = Params(fn, f, variant)
        ours = []
        for x in xs:
            vals, P, _ = expected(fn, p, f, x, modes)
            max_p = max(max_p, P)
            ours.append(vals)
        t_ours += time.time() - t0
        answers = exchange.result()
        t_tool += exchange.seconds
        st = stats[(f.name, fn)]
        for req, mode, ans in zip(reqs, modes, answers):
            st[0] += 1
            if ans is None or "error" in ans or ans.get("id") != req["id"] or len(ans.get("output", ())) != len(xs):
                st[3] += 1
                problems.append(("error", label(fn, variant), f, mode, None, None, None,
                                 json.dumps(ans)[:300] if ans else "no answer"))
                continue
            for x, mine, h in zip(xs, ours, ans["output"]):
                st[1] += 1
                got = float.fromhex(h)
                if mine[mode] is None or bits(mine[mode]) != bits(got):
                    st[2] += 1
                    problems.append(("mismatch" if mine[mode] is not None else "undecided", label(fn, variant),
                                     f, mode, x, mine[mode], got, (fn, variant)))
    process.close()
    elapsed = time.time() - t_start
    return report(args, stats, problems, elapsed, t_ours, t_tool, max_p)


def report(args, stats, problems, elapsed, t_ours, t_tool, max_p):
    print()
    print(f"{'format':6} {'function':13} {'requests':>8} {'outputs':>10} {'mismatch':>9} {'errors':>7}")
    tot = [0, 0, 0, 0]
    for (fmt, fn), s in stats.items():
        print(f"{fmt:6} {fn:13} {s[0]:8d} {s[1]:10d} {s[2]:9d} {s[3]:7d}")
        tot = [a + b for a, b in zip(tot, s)]
    print(f"{'total':20} {tot[0]:8d} {tot[1]:10d} {tot[2]:9d} {tot[3]:7d}")
    print(f"({elapsed:.0f} s wall: our mpmath side {t_ours:.0f} s, max working precision {max_p} bits; "
          f"tool batches {t_tool:.0f} s)")
    for kind, lab, f, mode, x, mine, got, info in problems[:args.max_report]:
        print()
        if kind == "error":
            print(f"ERROR {lab} {f.name} {mode}: {info}")
            continue
        fn, variant = info
        line = json.dumps(request(0, fn, variant, f, mode, [x]), separators=(",", ":"))
        print(f"{kind.upper()} {lab} {f.name} {mode} x={hexf(x)}: ours {hexf(mine) if mine is not None else '?'}"
              f"  tool {hexf(got)}")
        _, P, out = expected(fn, Params(fn, f, variant), f, x, [mode])
        with mp.workprec(max(P, 64)):
            print(f"  mpmath {approx_str(out)}")
        print(f"  request: {line}")
    if len(problems) > args.max_report:
        print(f"\n... {len(problems) - args.max_report} more problems not shown (--max-report)")
    if problems:
        print(f"\nFAIL: {tot[2]} mismatching or undecided outputs, {tot[3]} error answers")
        return 1
    print("\nOK: every output bit-identical")
    return 0
