"""The program `softmax-ref validate --command` runs for `assert_conforms`: it relays its standard
input to the calling Python process over a Unix socket (argv[1]) and the answers back to its
standard output. Standard library only, run as a script, so it starts fast."""

import os
import socket
import sys
import threading


def forward_input(connection):
    """Standard input to the socket until end of file, then half-close the socket."""
    try:
        while True:
            data = os.read(0, 1 << 16)
            if not data:
                break
            connection.sendall(data)
    except OSError:
        pass
    try:
        connection.shutdown(socket.SHUT_WR)
    except OSError:
        pass


def main():
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    connection.connect(sys.argv[1])
    threading.Thread(target=forward_input, args=(connection,), daemon=True).start()
    while True:
        data = connection.recv(1 << 16)
        if not data:
            break
        view = memoryview(data)
        while view:
            view = view[os.write(1, view):]


if __name__ == "__main__":
    main()
