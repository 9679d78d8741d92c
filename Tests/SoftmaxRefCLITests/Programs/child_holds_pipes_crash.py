#!/usr/bin/env python3
"""Starts a child that inherits its standard output and error and sleeps for an hour, answers
three requests, then exits: the child keeps the pipes open."""
import subprocess
import sys
from _serve import serve

subprocess.Popen(["sleep", "3600"])


def respond(n, request, answer):
    if n == 4:
        sys.exit(1)
    return answer + "\n"


serve(respond)
