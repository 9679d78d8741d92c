"""A Unix-socket server in the calling process that answers the protocol lines the bridge
(`_bridge.py`, run by `softmax-ref validate --command`) relays, with an `Adapter`. It accepts a
new connection whenever validate restarts the program."""

import os
import select
import socket
import tempfile
import threading


class AnswerServer:
    def __init__(self, adapter):
        self.adapter = adapter
        self.directory = tempfile.mkdtemp(prefix="softmaxref-")
        self.path = os.path.join(self.directory, "socket")
        self._listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._listener.bind(self.path)
        self._listener.listen(4)
        self._stop = False
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    def _accept(self):
        while not self._stop:
            ready, _, _ = select.select([self._listener], [], [], 0.1)
            if not ready:
                continue
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(connection,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, connection):
        """Reads whatever has arrived, answers its complete lines, until the bridge hangs up."""
        pending = b""
        with connection:
            try:
                while True:
                    data = connection.recv(1 << 16)
                    if not data:
                        return
                    pending += data
                    *lines, pending = pending.split(b"\n")
                    lines = [line.decode("utf-8", "replace") for line in lines if line.strip()]
                    if lines:
                        answers = self.adapter.answer_lines(lines)
                        connection.sendall("".join(a + "\n" for a in answers).encode())
            except OSError:
                return

    def close(self):
        self._stop = True
        for thread in self._threads:
            thread.join(timeout=5)
        self._listener.close()
        try:
            os.unlink(self.path)
            os.rmdir(self.directory)
        except OSError:
            pass
