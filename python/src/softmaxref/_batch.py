"""One running `softmax-ref compute --batch` process, fed request lines from one thread while the
caller reads the answers (the process answers in order, one line each). The pipes are used
unbuffered, with os.read and os.write, so a call moves its bytes in a few large system calls."""

import os
import subprocess
import threading

from . import _locate


class BatchProcess:
    """The process and a lock, so that one exchange at a time uses it."""

    def __init__(self, binary=None):
        self.binary = binary or _locate.binary()
        self._process = subprocess.Popen([self.binary, "compute", "--batch"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0)
        self._lock = threading.Lock()

    def exchange(self, lines):
        """Writes the request lines (bytes, each ending in a newline) and returns the answer
        lines (bytes), in order. A writer thread keeps the pipe full while the answers are read
        in large chunks, so neither side blocks the other."""
        if not lines:
            return []
        with self._lock:
            process = self._process
            if process is None:
                raise ValueError("softmaxref: the Reference is closed")
            failure = []
            writer = threading.Thread(target=self._write, args=(b"".join(lines), failure), daemon=True)
            writer.start()
            chunks, count, fd = [], 0, process.stdout.fileno()
            while count < len(lines):
                data = os.read(fd, 1 << 20)
                if not data:
                    writer.join()
                    raise RuntimeError("softmaxref: %s compute --batch stopped (exit status %s)%s"
                                       % (self.binary, process.poll(), "; " + failure[0] if failure else ""))
                count += data.count(b"\n")
                chunks.append(data)
            writer.join()
        return b"".join(chunks).split(b"\n")[:len(lines)]

    def _write(self, data, failure):
        try:
            view = memoryview(data)
            fd = self._process.stdin.fileno()
            while view:
                view = view[os.write(fd, view):]
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
