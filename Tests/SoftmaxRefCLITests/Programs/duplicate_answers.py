#!/usr/bin/env python3
"""Prints every (correct) answer twice."""
from _serve import serve
serve(lambda n, request, answer: answer + "\n" + answer + "\n")
