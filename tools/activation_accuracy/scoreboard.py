"""The Markdown scoreboard of activation-accuracy: one table per format, then the worst inputs."""

import math

from .cell import repr_value

KIND_LABEL = {"nan": "NaN", "inf": "inf", "zero_sign": "±0", "foreign": "not in format", "flush": "flushed"}


def summary(cell):
    """"max ulps · share correctly rounded", with the mismatches that have no distance."""
    if cell is None:
        return ""
    if cell.unsupported:
        return "—"
    if not cell.compared:
        return "error"
    share = 100.0 * cell.share_exact
    text = "%d · %s%%" % (cell.ulps, ("%.2f" % (math.floor(share * 100) / 100)) if share < 100 else "100")
    extra = ["%d %s" % (n, KIND_LABEL[k]) for k, n in cell.mismatches.items() if n]
    if cell.errors:
        extra.append("%d errors" % cell.errors)
    return text + ("" if not extra else " (" + ", ".join(extra) + ")")


def notable(cell):
    return not cell.unsupported and (cell.ulps > 1 or any(cell.mismatches.values()))


def triple(t):
    x, ours, correct = t
    return "%s | %s | %s" % (repr_value(x), repr_value(ours), repr_value(correct))


def render(cells, peers, versions, fmts, functions, header):
    """cells: {(peer, function, format): Cell}; versions: {peer: "numpy 2.4.6"}; header: lines."""
    lines = ["# Activations: the peers against the correctly rounded reference", ""] + header + [""]
    lines.append("Peers: " + "; ".join("%s (%s)" % (p, versions[p]) for p in peers) + ".")
    lines.append("")
    for fmt in fmts:
        lines += ["## %s" % fmt, "",
                  "Each cell: the largest error in ulps of %s where both values are finite · the share "
                  "correctly rounded; in parentheses the mismatches without a distance (NaN, inf, sign of "
                  "zero, a subnormal flushed to zero). — is unsupported." % fmt, ""]
        lines.append("| function | " + " | ".join(peers) + " |")
        lines.append("|---|" + "---|" * len(peers))
        for f in functions:
            lines.append("| `%s` | " % f + " | ".join(summary(cells.get((p, f, fmt))) for p in peers) + " |")
        worst = [c for f in functions for p in peers
                 for c in [cells.get((p, f, fmt))] if c is not None and notable(c)]
        if worst:
            lines += ["", "Worst inputs in %s (cells with an error above 1 ulp or a mismatch):" % fmt, "",
                      "| function | peer | what | input | peer's output | correctly rounded |",
                      "|---|---|---|---|---|---|"]
            for c in worst:
                if c.worst is not None and c.ulps > 1:
                    lines.append("| `%s` | %s | %d ulps | %s |" % (c.function, c.peer, c.ulps, triple(c.worst)))
                for kind, example in c.examples.items():
                    lines.append("| `%s` | %s | %d × %s | %s |" % (c.function, c.peer, c.mismatches[kind],
                                                                  KIND_LABEL[kind], triple(example)))
        lines.append("")
    return "\n".join(lines)
