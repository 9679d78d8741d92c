"""Shared by the misbehaving programs of MisbehavingProgramTests: a correct answer to each request
comes from the reference (`softmax-ref compute --batch`, the binary given as the first argument),
and each program changes what it prints.

serve(respond): for each request line (numbered from 1), respond(number, request, answer) returns
the text to print (answer is the reference's answer line, a str); it is printed and flushed.
"""
import json
import subprocess
import sys

reference = subprocess.Popen([sys.argv[1], "compute", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def answer(line):
    """The reference's answer line (without its newline) to a request line."""
    reference.stdin.write(line.rstrip("\n") + "\n")
    reference.stdin.flush()
    return reference.stdout.readline().rstrip("\n")


def out(text):
    sys.stdout.write(text)
    sys.stdout.flush()


def serve(respond):
    number = 0
    for line in sys.stdin:
        number += 1
        out(respond(number, json.loads(line), answer(line)))
