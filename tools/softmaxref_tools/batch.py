"""A pipelined client of a JSON-lines program: `softmax-ref compute --batch`, or an adapter.

Requests (dicts, each with a distinct "id") are written from one thread while another reads the
answers, at most `in_flight` requests ahead of the answers. An answer is matched to its request by
"id"; one without a known id (or not JSON) goes to the oldest request still unanswered, which is
the answer's own for a program that answers in order.
"""

import collections
import json
import subprocess
import threading
import time

from . import ROOT

IN_FLIGHT = 4096


def garbage(text):
    """The answer recorded for a line that is not a JSON object."""
    return {"error": "garbage: %s" % text.strip()[:80]}


class Exchange:
    """One list of requests in flight; result() waits for the answers. The requests are serialized
    before the clock starts, and the reader only collects lines: answers are parsed and matched
    after the last one arrives, so `seconds` measures the program, not this client."""

    def __init__(self, process, requests, in_flight, last):
        self.process = process
        self.requests = requests
        self._lines = [json.dumps(r, separators=(",", ":")) + "\n" for r in requests]
        self._last = last
        self._received = []
        self._room = threading.Semaphore(max(1, in_flight))
        self._stopped = False
        self.answers = None
        self.timed_out = False
        self.finished = None
        self.started = time.perf_counter()
        self._writer = threading.Thread(target=self._write, daemon=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._writer.start()

    def _write(self):
        stream = self.process.stdin
        try:
            for line in self._lines:
                if not self._room.acquire(blocking=False):
                    stream.flush()  # the answers we wait for may sit in our buffer
                    self._room.acquire()
                if self._stopped:
                    return
                stream.write(line)
            stream.flush()
            if self._last:
                stream.close()
        except (BrokenPipeError, ValueError, OSError):
            self._stopped = True

    def _read(self):
        """Collects answer lines: as many as there are requests, or (with `last`) until the
        program closes its output."""
        stream = self.process.stdout
        received = self._received
        wanted = len(self._lines)
        while self._last or len(received) < wanted:
            line = stream.readline()
            if not line:
                break
            if line.strip():
                received.append(line)
                self._room.release()
        self.finished = time.perf_counter()
        self._stopped = len(received) < wanted  # the program ended early: let the writer stop
        for _ in range(wanted):
            self._room.release()

    def result(self, timeout=None):
        """The answers in request order (None where none came); on timeout the program is
        killed and `timed_out` is set."""
        if self.answers is not None:
            return self.answers
        self._reader.join(timeout)
        self.timed_out = self._reader.is_alive()
        if self.timed_out:
            self._stopped = True
            self.process.kill()
            self._reader.join()
        self._writer.join()
        self.answers = match(self.requests, self._received)
        return self.answers

    @property
    def seconds(self):
        """From the first request written to the last answer read."""
        return (self.finished or time.perf_counter()) - self.started


def match(requests, lines):
    """Each answer line given to its request by "id"; one without a known id (or not JSON) to the
    oldest request still unanswered. None where a request got no answer."""
    answers = [None] * len(requests)
    unanswered = collections.OrderedDict()  # id -> index, in request order
    for index, request in enumerate(requests):
        key = _key(request.get("id"))
        unanswered.setdefault(("no id", index) if key is None else key, index)
    for line in lines:
        try:
            answer = json.loads(line)
            if not isinstance(answer, dict):
                answer = garbage(line)
        except ValueError:
            answer = garbage(line)
        key = _key(answer.get("id"))
        index = None if key is None else unanswered.pop(key, None)
        if index is None and unanswered:
            index = unanswered.popitem(last=False)[1]
        if index is not None:
            answers[index] = answer
    return answers


def _key(value):
    """An id as a dictionary key; None for no id or one that cannot match (a list, a boolean)."""
    if isinstance(value, bool) or not isinstance(value, (int, str, float)):
        return None
    return value


class BatchProcess:
    """One running JSON-lines program. `send` starts an exchange; `exchange` waits for it;
    `close` ends the input and returns the exit status. stderr is inherited unless captured."""

    def __init__(self, command, in_flight=IN_FLIGHT, cwd=ROOT, capture_stderr=False):
        self.command = command
        self.in_flight = in_flight
        self.process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE if capture_stderr else None,
                                        text=True, bufsize=1 << 16)
        self._stderr = []
        self._drain = None
        if capture_stderr:
            self._drain = threading.Thread(target=lambda: self._stderr.extend(self.process.stderr), daemon=True)
            self._drain.start()

    def send(self, requests, last=False):
        """Starts writing the requests; with `last`, the program's input ends after them (for a
        program that answers only at end of file, or to let it exit)."""
        return Exchange(self.process, requests, self.in_flight, last)

    def exchange(self, requests, timeout=None, last=False):
        return self.send(requests, last).result(timeout)

    def close(self, timeout=None):
        try:
            self.process.stdin.close()
        except (BrokenPipeError, OSError, ValueError):
            pass
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        if self._drain is not None:
            self._drain.join()
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
        return code

    @property
    def stderr(self):
        """What the program wrote to stderr (when captured)."""
        return "".join(self._stderr)


def converse(command, requests, timeout=None, in_flight=IN_FLIGHT):
    """Runs the program on the requests and returns (answers, exit status, stderr, timed out)."""
    process = BatchProcess(command, in_flight=in_flight, capture_stderr=True)
    exchange = process.send(requests, last=True)
    answers = exchange.result(timeout)
    code = process.close(timeout=10)
    return answers, code, process.stderr, exchange.timed_out
