#!/usr/bin/env python3
"""Answers the first request, then prints an endless line without a newline."""
import sys
from _serve import out, serve


def respond(n, request, answer):
    if n == 2:
        block = "x" * (1 << 20)
        while True:
            sys.stdout.write(block)
    return answer + "\n"


serve(respond)
