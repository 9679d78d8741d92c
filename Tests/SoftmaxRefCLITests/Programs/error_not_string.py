#!/usr/bin/env python3
"""Answers {"id": ..., "error": 42}: an error that is not a string."""
import json
from _serve import serve
serve(lambda n, request, answer: json.dumps({"id": request["id"], "error": 42}) + "\n")
