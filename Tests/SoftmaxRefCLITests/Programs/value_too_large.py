#!/usr/bin/env python3
"""Answers with the JSON number 1e39 (beyond binary32's range) as the first output."""
import json
from _serve import serve


def respond(n, request, answer):
    a = json.loads(answer)
    if a.get("output"):
        return answer.replace(json.dumps(a["output"][0]), "1e39", 1) + "\n"
    return answer + "\n"


serve(respond)
