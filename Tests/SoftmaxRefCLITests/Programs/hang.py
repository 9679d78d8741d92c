#!/usr/bin/env python3
"""Answers five requests correctly, then stops answering without exiting."""
import time
from _serve import serve


def respond(n, request, answer):
    if n == 6:
        time.sleep(3600)
    return answer + "\n"


serve(respond)
