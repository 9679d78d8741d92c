#!/usr/bin/env python3
"""Answers with the JSON number 0.1 as the last output: no binary16 (or binary32) number is 0.1."""
import json
from _serve import serve


def respond(n, request, answer):
    a = json.loads(answer)
    if a.get("output"):
        a["output"][-1] = 0.1
    return json.dumps(a) + "\n"


serve(respond)
