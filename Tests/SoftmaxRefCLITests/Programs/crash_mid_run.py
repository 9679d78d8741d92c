#!/usr/bin/env python3
"""Answers ten requests correctly, then dies of SIGSEGV (and again the same way after a restart)."""
import os
import signal
from _serve import serve


def respond(n, request, answer):
    if n == 11:
        os.kill(os.getpid(), signal.SIGSEGV)
    return answer + "\n"


serve(respond)
