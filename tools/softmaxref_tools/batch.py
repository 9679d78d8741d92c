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
    """One list of requests in flight; result() waits for the answers."""

    def __init__(self, process, requests, in_flight, last):
        self.process = process
        self._last = last
        self.requests = requests
        self.answers = [None] * len(requests)
        self._unanswered = collections.OrderedDict()  # id -> index, oldest first
        self._lock = threading.Lock()
        self._room = threading.Semaphore(max(1, in_flight))
        self._stopped = False
        self.started = time.perf_counter()
        self.finished = None
        self.timed_out = False
        self._writer = threading.Thread(target=self._write, daemon=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._writer.start()

    def _write(self):
        stream = self.process.stdin
        try:
            for index, request in enumerate(self.requests):
                if not self._room.acquire(blocking=False):
                    stream.flush()  # the answers we wait for may sit in our buffer
                    self._room.acquire()
                if self._stopped:
                    return
                with self._lock:
                    self._unanswered[request.get("id")] = index
                stream.write(json.dumps(request, separators=(",", ":")) + "\n")
            stream.flush()
            if self._last:
                stream.close()
        except (BrokenPipeError, ValueError, OSError):
            self._stopped = True

    def _read(self):
        remaining = len(self.requests)
        stream = self.process.stdout
        while remaining:
            line = stream.readline()
            if not line:
                break
            if not line.strip():
                continue
            try:
                answer = json.loads(line)
                if not isinstance(answer, dict):
                    answer = garbage(line)
            except ValueError:
                answer = garbage(line)
            with self._lock:
                index = self._unanswered.pop(answer.get("id"), None) if _hashable(answer.get("id")) else None
                if index is None and self._unanswered:
                    index = self._unanswered.popitem(last=False)[1]
            if index is None:
                continue  # an answer nobody asked for
            self.answers[index] = answer
            remaining -= 1
            self._room.release()
        self.finished = time.perf_counter()
        if remaining:  # the program ended: let the writer stop
            self._stopped = True
            for _ in range(len(self.requests)):
                self._room.release()

    def result(self, timeout=None):
        """The answers in request order (None where none came); on timeout the program is
        killed and `timed_out` is set."""
        self._reader.join(timeout)
        self.timed_out = self._reader.is_alive()
        if self.timed_out:
            self._stopped = True
            self.process.kill()
            self._reader.join()
        self._writer.join()
        return self.answers

    @property
    def seconds(self):
        """From the first request written to the last answer read."""
        return (self.finished or time.perf_counter()) - self.started


def _hashable(value):
    return isinstance(value, (int, str, float, type(None))) and not isinstance(value, bool)


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
