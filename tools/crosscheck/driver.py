"""The run: generate (or replay) the rows, send them to one `softmax-ref compute --batch`, compute
our side meanwhile, compare bit for bit and report."""

import argparse
import json
import time
from collections import defaultdict

from mpmath import mp

from softmaxref_tools.batch import BatchProcess
from softmaxref_tools.binary import locate

from .decide import approx_str
from .evaluator import Evaluator, expected
from .generator import Generator
from .ieee import FORMATS, MODES, bits, hexf
from .pinned import pinned
from .row import FUNCTIONS, row_from_request


def parse_answer(a):
    """(answer, outputs, gradient) as floats; outputs None for an error answer."""
    if "error" in a:
        return a, None, None
    out = a["output"]
    if out and isinstance(out[0], list):
        out = [x for rowv in out for x in rowv]
    vals = [float.fromhex(h) for h in out]
    grad = [float.fromhex(h) for h in a["gradient"]] if "gradient" in a else None
    return a, vals, grad


def main(description):
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rows", type=int, default=2000, help="random rows per format and rounding mode")
    ap.add_argument("--binary", help="softmax-ref binary (default: $SOFTMAXREF_BIN, else the release build in .build-release)")
    ap.add_argument("--formats", default="f16,bf16,f32,f64")
    ap.add_argument("--roundings", default=",".join(MODES))
    ap.add_argument("--functions", default=",".join(FUNCTIONS))
    ap.add_argument("--no-pinned", action="store_true", help="skip the pinned exact cases")
    ap.add_argument("--max-report", type=int, default=20, help="problems printed in full (mismatches first)")
    ap.add_argument("--dump", metavar="FILE", help="also write every request (JSON lines) to FILE")
    ap.add_argument("--replay", metavar="FILE",
                    help="check the JSON-lines requests in FILE (e.g. from --dump) instead of generating rows")
    args = ap.parse_args()

    for option, given, known in (("--formats", args.formats, list(FORMATS)), ("--roundings", args.roundings, MODES),
                                 ("--functions", args.functions, FUNCTIONS)):
        for name in given.split(","):
            if name not in known:
                ap.error(f"{option}: unknown '{name}'; expected {', '.join(known)}")
    fmts = [FORMATS[x] for x in args.formats.split(",")]
    modes = args.roundings.split(",")
    functions = args.functions.split(",")
    binary = locate(args.binary, tool="crosscheck")

    t_start = time.time()
    rows = []
    families = []
    if args.replay:
        with open(args.replay) as fh:
            for ln in fh:
                if ln.strip():
                    rows.append(row_from_request(json.loads(ln)))
                    families.append("replay")
        fmts = [f for f in FORMATS.values() if any(r.fmt is f for r in rows)]
    for fi, f in enumerate(fmts if not args.replay else []):
        for mi, mode in enumerate(modes):
            g = Generator(args.seed * 1000003 + fi * 101 + mi, f)
            if not args.no_pinned:
                for r in pinned(f, mode):
                    if r.function in functions:
                        rows.append(r)
                        families.append("pinned")
            for _ in range(args.rows):
                r, fam = g.row(mode, functions)
                rows.append(r)
                families.append(fam)
    requests = [json.dumps(r.request(i), separators=(",", ":")) for i, r in enumerate(rows)]
    if args.dump:
        with open(args.dump, "w") as fh:
            fh.write("\n".join(requests) + "\n")
    what = f"from {args.replay}" if args.replay else f"({args.rows} random per format and mode, seed {args.seed})"
    print(f"crosscheck: {len(rows)} rows {what}; binary {binary}", flush=True)

    process = BatchProcess([binary, "compute", "--batch"])
    exchange = process.send([r.request(i) for i, r in enumerate(rows)], last=True)

    # Our side, while the tool works.
    ours = []
    max_p = 320
    for r in rows:
        vals, grad, P, raw = expected(r)
        max_p = max(max_p, P)
        ours.append((vals, grad, P))
    t_ours = time.time() - t_start

    answers = exchange.result()
    process.close()
    t_tool = exchange.seconds

    stats = defaultdict(lambda: [0, 0, 0, 0])  # rows, values, mismatches, errors
    problems = []
    undecided = 0
    for i, r in enumerate(rows):
        key = (r.fmt.name, r.function)
        st = stats[key]
        st[0] += 1
        vals, grad, P = ours[i]
        if any(v is None for v in vals) or (grad is not None and any(v is None for v in grad)):
            undecided += 1
            problems.append(("undecided", i, None))
            st[3] += 1
            continue
        if answers[i] is None:
            problems.append(("no answer", i, None))
            st[3] += 1
            continue
        try:
            a, tv, tg = parse_answer(answers[i])
        except (ValueError, KeyError, TypeError) as e:
            problems.append(("unparsable answer", i, f"{e}: {json.dumps(answers[i])}"))
            st[3] += 1
            continue
        if a.get("id") != i:
            problems.append(("id mismatch", i, json.dumps(answers[i])))
            st[3] += 1
            continue
        if tv is None:
            problems.append(("error", i, a["error"]))
            st[3] += 1
            continue
        exp_all = vals + (grad or [])
        got_all = tv + (tg or [])
        st[1] += len(exp_all)
        if len(exp_all) != len(got_all) or (grad is None) != (tg is None):
            problems.append(("shape", i, f"expected {len(exp_all)} values, got {len(got_all)}"))
            st[2] += 1
            continue
        bad = [j for j, (x, y) in enumerate(zip(exp_all, got_all)) if bits(x) != bits(y)]
        if bad:
            st[2] += 1
            problems.append(("mismatch", i, bad))

    print()
    print(f"{'format':6} {'function':14} {'rows':>7} {'values':>9} {'mismatch':>9} {'errors':>7}")
    tot = [0, 0, 0, 0]
    for f in fmts:
        for fn in FUNCTIONS:
            if (f.name, fn) in stats:
                s = stats[(f.name, fn)]
                print(f"{f.name:6} {fn:14} {s[0]:7d} {s[1]:9d} {s[2]:9d} {s[3]:7d}")
                for j in range(4):
                    tot[j] += s[j]
    print(f"{'total':21} {tot[0]:7d} {tot[1]:9d} {tot[2]:9d} {tot[3]:7d}")
    print(f"(our mpmath side {t_ours:.1f}s, max working precision {max_p} bits; tool batch {t_tool:.1f}s)")

    kinds = defaultdict(int)
    for kind, i, info in problems:
        label = kind if kind != "error" else f"tool error on {rows[i].function}: {info}"
        kinds[label] += 1
    if kinds:
        print()
        for label, count in sorted(kinds.items(), key=lambda kv: -kv[1]):
            print(f"{count:6d} x {label}")
    problems.sort(key=lambda p: (p[0] != "mismatch", p[1]))
    for kind, i, info in problems[:args.max_report]:
        r = rows[i]
        print()
        print(f"{kind.upper()} (family {families[i]}): {requests[i]}")
        if kind == "mismatch":
            vals, grad, P = ours[i]
            _, tv, tg = parse_answer(answers[i])
            exp_all = vals + (grad or [])
            got_all = tv + (tg or [])
            outs, gouts = Evaluator(r).outputs(P)
            raw = list(outs) + list(gouts or [])
            with mp.workprec(P):
                for j in info[:8]:
                    print(f"  [{j}] ours {hexf(exp_all[j])}  tool {hexf(got_all[j])}  mpmath {approx_str(raw[j])}")
            if len(info) > 8:
                print(f"  ... and {len(info) - 8} more")
        elif info is not None:
            print(f"  {info}")
        if kind == "error":
            vals, grad, P = ours[i]
            if None not in vals and (grad is None or None not in grad):
                g = "" if grad is None else f", gradient [{', '.join(hexf(x) for x in grad)}]"
                print(f"  ours: output [{', '.join(hexf(x) for x in vals)}]{g}")
    if len(problems) > args.max_report:
        print(f"\n... {len(problems) - args.max_report} more problems not shown (--max-report)")
    if problems:
        print(f"\nFAIL: {tot[2]} mismatching rows, {tot[3]} errors/undecided")
        return 1
    print("\nOK: every output bit-identical")
    return 0
