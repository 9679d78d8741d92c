#!/usr/bin/env python3
"""Writes 256 KiB to standard error before each (correct) answer."""
import sys
from _serve import serve

noise = ("debug: " + "z" * 1017 + "\n") * 256


def respond(n, request, answer):
    sys.stderr.write(noise)
    sys.stderr.flush()
    return answer + "\n"


serve(respond)
