#!/usr/bin/env python3
"""A deliberately broken implementation for the validate tests: it forwards each request to
`softmax-ref compute --batch` (the correctly rounded reference) and breaks the answer as MODE says.

usage: mutant_adapter.py SOFTMAX_REF_BINARY MODE
MODE: wrong-rounding | double-rounding | flush-subnormals | nan-ignored | crash | hang | garbage | honest
"""
import json
import math
import struct
import subprocess
import sys
import time

binary, mode = sys.argv[1], sys.argv[2]
reference = subprocess.Popen([binary, "compute", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def ask(request):
    reference.stdin.write(json.dumps(request) + "\n")
    reference.stdin.flush()
    return json.loads(reference.stdout.readline())


def value(text):
    return float.fromhex(text) if text not in ("inf", "-inf", "nan") else float(text)


def next_up_f64(x):
    if math.isnan(x) or x == math.inf:
        return x
    return math.nextafter(x, math.inf)


def through_f32(x):
    return struct.unpack("f", struct.pack("f", x))[0] if math.isfinite(x) and abs(x) < 3.4e38 else x


def flatten(output):
    return [v for row in output for v in row] if output and isinstance(output[0], list) else output


for line in sys.stdin:
    request = json.loads(line)
    inputs = request["input"]
    if mode == "crash" and len(inputs) == 7:
        sys.exit(3)
    if mode == "hang" and len(inputs) == 5:
        time.sleep(3600)
    if mode == "garbage" and len(inputs) == 3:
        print("this is not JSON", flush=True)
        continue
    answer = ask(request)
    if "error" in answer:
        print(json.dumps({"id": request["id"], "error": answer["error"]}), flush=True)
        continue
    outputs = [value(v) for v in flatten(answer["output"]) + answer.get("gradient", [])]
    if mode == "wrong-rounding" and request["format"] == "f64":
        outputs = [next_up_f64(v) if v != 0 else v for v in outputs]
    elif mode == "double-rounding" and request["format"] == "f64":
        outputs = [through_f32(v) for v in outputs]
    elif mode == "flush-subnormals":
        tiny = {"f64": 2.2250738585072014e-308, "f32": 1.1754943508222875e-38, "f16": 6.103515625e-05, "bf16": 1.1754943508222875e-38}[request["format"]]
        outputs = [0.0 if 0 < abs(v) < tiny else v for v in outputs]
    elif mode == "nan-ignored" and any(v == "nan" for v in inputs):
        outputs = [0.0 for v in outputs]
    reply = {"id": request["id"], "output": [v.hex() if math.isfinite(v) else repr(v).replace("nan", "nan") for v in outputs]}
    print(json.dumps(reply), flush=True)
