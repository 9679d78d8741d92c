#!/usr/bin/env python3
"""Starts a child that inherits its standard output and error and sleeps for an hour, then
answers correctly: at the end the child must not keep validate waiting."""
import subprocess
from _serve import serve

subprocess.Popen(["sleep", "3600"])
serve(lambda n, request, answer: answer + "\n")
