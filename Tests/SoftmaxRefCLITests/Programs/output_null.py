#!/usr/bin/env python3
"""Answers {"id": ..., "output": null}."""
import json
from _serve import serve
serve(lambda n, request, answer: json.dumps({"id": request["id"], "output": None}) + "\n")
