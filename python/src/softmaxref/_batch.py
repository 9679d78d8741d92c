"""One running `softmax-ref compute --batch` process, fed request lines from one thread while the
caller reads the answers (the process answers in order, one line each)."""

import json
import subprocess
import threading

from . import _locate


class BatchProcess:
    """The process and a lock, so that one exchange at a time uses it."""

    def __init__(self, binary=None):
        self.binary = binary or _locate.binary()
        self._process = subprocess.Popen([self.binary, "compute", "--batch"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=1 << 20)
        self._lock = threading.Lock()

    def exchange(self, lines):
        """Writes the request lines (bytes, each ending in a newline) and returns the answers,
        parsed, in order. A writer thread keeps the pipe full while the answers are read, so
        neither side blocks the other."""
        if not lines:
            return []
        with self._lock:
            process = self._process
            if process is None:
                raise ValueError("softmaxref: the Reference is closed")
            failure = []
            if len(lines) == 1:
                self._write(lines, failure)
            else:
                writer = threading.Thread(target=self._write, args=(lines, failure), daemon=True)
                writer.start()
            answers = []
            readline = process.stdout.readline
            for _ in lines:
                line = readline()
                if not line:
                    code = process.poll()
                    raise RuntimeError("softmaxref: %s compute --batch stopped (exit status %s)%s"
                                       % (self.binary, code, "; " + failure[0] if failure else ""))
                answers.append(line)
            if len(lines) > 1:
                writer.join()
        return [json.loads(a) for a in answers]

    def _write(self, lines, failure):
        try:
            stream = self._process.stdin
            for line in lines:
                stream.write(line)
            stream.flush()
        except (BrokenPipeError, OSError, ValueError) as error:
            failure.append(str(error))

    def close(self):
        """Ends the process's input and waits for it; safe to call twice."""
        with self._lock:
            process, self._process = self._process, None
        if process is None:
            return
        try:
            process.stdin.close()
        except OSError:
            pass
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
