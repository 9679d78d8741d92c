#!/usr/bin/env python3
"""Answers two requests, then closes its standard output and keeps running."""
import os
import time
from _serve import out, serve


def respond(n, request, answer):
    if n == 3:
        os.close(1)
        time.sleep(3600)
    return answer + "\n"


serve(respond)
