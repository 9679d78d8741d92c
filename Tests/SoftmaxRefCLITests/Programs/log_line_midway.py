#!/usr/bin/env python3
"""Prints log lines on standard output in the middle of its (correct) answers: text, then a JSON object without an id."""
from _serve import serve
serve(lambda n, request, answer: ("INFO: cache warm\n" if n == 3 else '{"level": "info", "msg": "gc"}\n' if n == 9 else "") + answer + "\n")
