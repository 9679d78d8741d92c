#!/usr/bin/env python3
"""Answers every request with bytes that are not text, then a newline."""
import sys
for line in sys.stdin:
    sys.stdout.buffer.write(b"\xff\xfe\x00garbage\x80\n")
    sys.stdout.flush()
