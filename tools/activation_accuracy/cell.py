"""One cell of the scoreboard: a peer's outputs for one activation and format against the correctly
rounded ones."""

import math

from softmaxref_tools.ieee import FORMATS, distance, round_value


class Cell:
    """Counts over the inputs. `ulps` is the largest distance, in steps of the format, between the
    peer's value and the correctly rounded one where both are finite (exact: the difference of their
    ordinals); `exact` the outputs bit-identical to the correctly rounded ones (NaN for NaN). The
    mismatches of a kind that has no distance are counted apart: `nan` (one is NaN, the other not),
    `inf` (one is infinite, the other not or of the other sign), `zero_sign` (+0 against -0);
    `foreign` (an output that is no value of the format), `flush` (±0 where the correctly rounded
    value is subnormal: flushing to zero, as XLA on the CPU does); `errors`, the inputs the peer
    answered with an error."""

    KINDS = ("nan", "inf", "zero_sign", "foreign", "flush")

    def __init__(self, peer, function, fmt):
        self.peer, self.function, self.format = peer, function, fmt
        self.count = 0
        self.exact = 0
        self.ulps = 0
        self.worst = None  # (input, peer's value, correct value) of the largest distance
        self.mismatches = {k: 0 for k in self.KINDS}
        self.examples = {}  # kind -> (input, peer's value, correct value), the first one seen
        self.errors = 0
        self.error_message = None
        self.unsupported = False

    def error(self, inputs, message):
        self.count += len(inputs)
        self.errors += len(inputs)
        self.error_message = self.error_message or message

    def add(self, x, ours, correct):
        self.count += 1
        if ours != ours and correct != correct:
            self.exact += 1
            return
        kind = None
        if math.isfinite(ours) and round_value(ours, self.format) != ours:
            kind = "foreign"
        elif (ours != ours) != (correct != correct):
            kind = "nan"
        elif math.isinf(ours) or math.isinf(correct):
            kind = None if ours == correct else "inf"
        elif ours == 0 and correct == 0 and math.copysign(1, ours) != math.copysign(1, correct):
            kind = "zero_sign"
        elif ours == 0 and correct != 0 and abs(correct) < math.ldexp(1.0, FORMATS[self.format].emin):
            kind = "flush"
        if kind:
            self._mismatch(kind, x, ours, correct)
            return
        steps = distance(ours, correct, self.format)
        if steps == 0:
            self.exact += 1
        elif steps > self.ulps:
            self.ulps = int(steps)
            self.worst = (x, ours, correct)

    def _mismatch(self, kind, x, ours, correct):
        self.mismatches[kind] += 1
        self.examples.setdefault(kind, (x, ours, correct))

    @property
    def compared(self):
        return self.count - self.errors

    @property
    def share_exact(self):
        return self.exact / self.compared if self.compared else None

    def as_json(self):
        def triple(t):
            return None if t is None else [repr_value(v) for v in t]

        return {
            "peer": self.peer, "function": self.function, "format": self.format,
            "inputs": self.count, "exact": self.exact, "max_ulps": self.ulps,
            "worst": triple(self.worst), "mismatches": self.mismatches,
            "examples": {k: triple(v) for k, v in self.examples.items()},
            "errors": self.errors, "error": self.error_message, "unsupported": self.unsupported,
        }


def repr_value(v):
    """A value as the shortest decimal that reads back exactly, or inf, -inf, nan."""
    if v != v:
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return repr(float(v))
