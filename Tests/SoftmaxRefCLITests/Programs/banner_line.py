#!/usr/bin/env python3
"""Prints a banner line before its first (correct) answer."""
from _serve import out, serve
out("Loading model...\n")
serve(lambda n, request, answer: answer + "\n")
