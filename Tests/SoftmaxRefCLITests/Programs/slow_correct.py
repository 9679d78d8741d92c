#!/usr/bin/env python3
"""Answers correctly, each after 50 ms."""
import time
from _serve import serve


def respond(n, request, answer):
    time.sleep(0.05)
    return answer + "\n"


serve(respond)
