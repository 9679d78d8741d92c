"""Sends the inputs to `softmax-ref compute --batch` and to each peer's adapter and fills the cells."""

import sys

from softmaxref_tools import environment
from softmaxref_tools.batch import BatchProcess
from softmaxref_tools.protocol import format_number, parse_number

from .cell import Cell

TOOL = "activation-accuracy"


def say(message):
    print("%s: %s" % (TOOL, message), file=sys.stderr, flush=True)


def requests(function, fmt, values, chunk, rounding=True, params=None):
    """The request lines for the values, `chunk` inputs per request, with the parameter keys
    `params` (none: the defaults, which the adapters pass on explicitly)."""
    out = []
    for start in range(0, len(values), chunk):
        r = {"id": len(out) + 1, "function": function, "format": fmt,
             "input": [format_number(v) for v in values[start:start + chunk]], **(params or {})}
        if rounding:
            r["rounding"] = "nearest"
        out.append(r)
    return out


def outputs(answer, expected):
    """The answer's values as floats, or raises ValueError with what is wrong."""
    if answer is None:
        raise ValueError("no answer")
    if "error" in answer:
        raise ValueError(str(answer["error"]))
    values = answer.get("output")
    if not isinstance(values, list) or len(values) != expected:
        raise ValueError("%s outputs for %d inputs" % (len(values) if isinstance(values, list) else "no", expected))
    return [parse_number(v) for v in values]


class Reference:
    """The correctly rounded outputs, computed once per (function, format)."""

    def __init__(self, binary, chunk, timeout):
        self.process = BatchProcess([binary, "compute", "--batch"])
        self.chunk, self.timeout = chunk, timeout
        self.cache = {}

    def outputs(self, function, fmt, values, params=None):
        key = (function, fmt, tuple(sorted((params or {}).items())))
        if key not in self.cache:
            reqs = requests(function, fmt, values, self.chunk, params=params)
            answers = self.process.exchange(reqs, timeout=self.timeout)
            out = []
            for req, answer in zip(reqs, answers):
                try:
                    out += outputs(answer, len(req["input"]))
                except ValueError as e:
                    sys.exit("%s: compute --batch failed on %s in %s: %s" % (TOOL, function, fmt, e))
            self.cache[key] = out
        return self.cache[key]

    def close(self):
        self.process.close(timeout=30)


class PeerRun:
    """One peer's adapter, restarted when it dies or stops answering."""

    def __init__(self, peer, python, chunk, timeout):
        self.peer, self.python, self.chunk, self.timeout = peer, python, chunk, timeout
        self.process = None

    def _command(self):
        return [self.python, self.peer.adapter]

    def cell(self, function, fmt, values, correct, params=None, label=None):
        """The cell of `function` (named `label` in the scoreboard) with the request keys `params`."""
        cell = Cell(self.peer.name, label or function, fmt)
        if self.process is None:
            self.process = BatchProcess(self._command())
        reqs = requests(function, fmt, values, self.chunk, rounding=False, params=params)
        exchange = self.process.send(reqs)
        answers = exchange.result(self.timeout)
        if exchange.timed_out or any(a is None for a in answers):
            self.process.close(timeout=5)
            self.process = None
        at = 0
        unsupported = 0
        for req, answer in zip(reqs, answers):
            n = len(req["input"])
            chunk_values, chunk_correct = values[at:at + n], correct[at:at + n]
            at += n
            if answer is not None and answer.get("error") == "unsupported":
                unsupported += 1
                cell.error(chunk_values, "unsupported")
                continue
            try:
                ours = outputs(answer, n)
            except ValueError as e:
                cell.error(chunk_values, str(e))
                continue
            for x, o, c in zip(chunk_values, ours, chunk_correct):
                cell.add(x, o, c)
        cell.unsupported = unsupported == len(reqs)
        return cell

    def close(self):
        if self.process is not None:
            self.process.close(timeout=10)
            self.process = None


def interpreter(peer, install):
    """The Python to run the peer's adapter with: this one when it has the pinned packages (NumPy and
    SciPy system-wide), else the peer's environment, made and filled with pip if `install`; None
    when the packages cannot be had."""
    if not environment.unmet(peer.requirements):
        return sys.executable
    if environment.imports(peer.python, peer.modules):
        return peer.python
    if not install:
        say("skipping %s: %s does not import in %s (run without --no-install)" % (peer.name, ", ".join(peer.modules), peer.venv))
        return None
    if environment.create(peer.venv, TOOL) and environment.install(peer.python, peer.requirements, TOOL) \
            and environment.imports(peer.python, peer.modules):
        return peer.python
    say("skipping %s: pip could not install %s" % (peer.name, " ".join(peer.requirements)))
    return None


def versions(peer, python):
    """"numpy 2.4.6" etc.: the versions of the peer's packages in that interpreter."""
    found = environment.versions(python, peer.distributions)
    return ", ".join("%s %s" % (n, v or "?") for n, v in found.items())
