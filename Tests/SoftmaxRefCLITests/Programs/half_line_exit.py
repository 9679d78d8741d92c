#!/usr/bin/env python3
"""Answers the first request, prints half of the second answer and exits."""
import sys
from _serve import out, serve


def respond(n, request, answer):
    if n == 2:
        out(answer[: len(answer) // 2])
        sys.exit(0)
    return answer + "\n"


serve(respond)
