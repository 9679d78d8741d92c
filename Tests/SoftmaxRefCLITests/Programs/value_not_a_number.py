#!/usr/bin/env python3
"""Answers with the string "about 0.5" as the first output."""
import json
from _serve import serve


def respond(n, request, answer):
    a = json.loads(answer)
    if a.get("output"):
        a["output"][0] = "about 0.5"
    return json.dumps(a) + "\n"


serve(respond)
