"""measure-policies' output for the activations: the POLICIES.md section and the Swift entries."""

import math
from softmaxref_tools.protocol import parse_number as parse
from measure_policies.activations import ACTIVATIONS, CONVENTION_CLASSES, KINDS, LANE_LENGTH, LANE_POSITIONS, SHORT
from measure_policies.probes import FORMATS

def cell(entry):
    """A table cell: the departures of one peer for one activation and format."""
    if not entry:
        return "-"
    answers = {cls: e["answer"] for cls, e in entry.items()}
    if all(a == "unsupported" for a in answers.values()):
        return "—"
    odd = [(cls, a, entry[cls]) for cls, a in answers.items() if a != "limit"]
    if not odd:
        return "limit"
    parts = []
    for cls, a, e in odd:
        shown = a if a != "mixed" else "mixed (%s)" % ", ".join("%s ×%d" % kv for kv in sorted(e["kinds"].items()))
        parts.append("%s: **%s**" % (SHORT[cls], shown))
    return "; ".join(parts)


def render(section, peers, formats):
    """The Markdown of the activations section of POLICIES.md."""
    lines = ["## Activations", "",
             "Each activation at NaN, ±inf, ±0, ±the smallest and largest subnormal, ±the smallest "
             "normal, ±ln(largest finite) and the next value (where e^x overflows) and ±the largest "
             "finite value, in one request per activation and format, and NaN, +inf, −inf in turn at "
             "positions %s of a row of %d; default parameters. Each output is compared with the "
             "reference's (`compute --batch`) and given a kind:" % (", ".join(map(str, LANE_POSITIONS)), LANE_LENGTH), ""]
    lines += ["- **%s**: %s" % kv for kv in KINDS.items()]
    lines += ["", "A cell lists the input classes whose answer is not the limit (`mixed`: the probes of the "
              "class differ, with their counts); — is unsupported. `validate --policy NAME` accepts a "
              "peer's `nan` at NaN and ±inf inputs (FrameworkPolicy.InputClass); every other departure is "
              "a defect under every policy. `policies.json` (`activations`) has an example of each.", ""]
    for fmt in formats:
        if not any(section["table"].get(p, {}).get(a, {}).get(fmt) for p in peers for a in ACTIVATIONS):
            continue
        lines += ["### %s" % {"f16": "binary16", "bf16": "bfloat16", "f32": "binary32", "f64": "binary64"}[fmt], "",
                  "| activation | " + " | ".join(peers) + " |", "|---|" + "---|" * len(peers)]
        for a in ACTIVATIONS:
            cells = [cell(section["table"].get(p, {}).get(a, {}).get(fmt)) for p in peers]
            lines.append("| `%s` | %s |" % (a, " | ".join(cells)))
        lines.append("")
    examples = []
    for p in peers:
        for a in ACTIVATIONS:
            for fmt in formats:
                for cls, e in section["table"].get(p, {}).get(a, {}).get(fmt, {}).items():
                    for k, ex in e.get("examples", {}).items():
                        examples.append("- %s `%s` %s, %s: %s: %s gives %s (limit %s)" % (
                            p, a, fmt, SHORT[cls], k, show(ex["input"]), show(ex["output"]), show(ex["limit"])))
    lines += ["### One example of each departure", ""] + (examples or ["(none)"]) + [""]
    return lines


def show(text):
    if text is None:
        return "none"
    try:
        v = parse(text)
    except (ValueError, TypeError):
        return str(text)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if v == 0:
        return "-0" if math.copysign(1, v) < 0 else "0"
    return "%.7g" % v


def swift_case(name):
    """"log-sigmoid" -> "logSigmoid", "positive-infinity" -> "positiveInfinity"."""
    head, *rest = name.split("-")
    return head + "".join(w.capitalize() for w in rest)


def activation_departures(section, peer):
    """{(activation, input class, answer): [formats]} for the NaN and ±inf inputs where the peer
    answers NaN instead of the limit (FrameworkPolicy.ElementAnswer); other departures are defects."""
    out = {}
    for activation, per_format in ((section or {}).get("table", {}).get(peer) or {}).items():
        for fmt in FORMATS:
            for cls in CONVENTION_CLASSES:
                e = per_format.get(fmt, {}).get(cls)
                if e and e["answer"] == "nan":
                    out.setdefault((activation, cls, "nan"), []).append(fmt)
    return out
