#!/usr/bin/env python3
"""Answers with an object as the first output."""
import json
from _serve import serve


def respond(n, request, answer):
    a = json.loads(answer)
    if a.get("output"):
        a["output"][0] = {"value": a["output"][0]}
    return json.dumps(a) + "\n"


serve(respond)
