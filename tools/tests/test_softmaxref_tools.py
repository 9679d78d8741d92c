"""Tests of tools/softmaxref_tools: `python3 -m unittest discover -s tools/tests` (needs mpmath
for the comparison with tools/crosscheck's independent rounding; NumPy for binary16)."""

import math
import os
import random
import struct
import sys
import unittest
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tools/

from softmaxref_tools import ieee  # noqa: E402
from softmaxref_tools.batch import BatchProcess, converse  # noqa: E402
from softmaxref_tools.protocol import format_number, parse_number  # noqa: E402


def same(a, b):
    return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))


def samples(seed, count):
    r = random.Random(seed)
    for _ in range(count):
        yield r.choice([
            r.gauss(0, 1) * 2.0 ** r.randint(-160, 140),
            r.uniform(-70000, 70000),
            math.ldexp(r.getrandbits(53), r.randint(-1200, -1000)) * r.choice([1, -1]),
            float(r.randint(-2049, 2049)) + r.choice([0.5, 0.25, 0.0]),
        ])


class RoundingTests(unittest.TestCase):
    def test_binary32_nearest_is_the_hardware_conversion(self):
        for x in samples(1, 50000):
            try:
                want = struct.unpack("<f", struct.pack("<f", x))[0]
            except OverflowError:  # struct refuses what rounds to infinity
                want = math.copysign(math.inf, x)
            self.assertTrue(same(ieee.round_value(x, "f32"), want), x)

    def test_binary16_nearest_is_numpy(self):
        try:
            import numpy as np
        except ImportError:
            self.skipTest("no NumPy")
        with np.errstate(over="ignore"):
            for x in samples(2, 50000):
                self.assertTrue(same(ieee.round_value(x, "f16"), float(np.float16(x))), x)

    def test_every_mode_agrees_with_the_crosscheck_oracle(self):
        try:
            from crosscheck import ieee as oracle
        except ImportError:
            self.skipTest("no mpmath")
        for x in samples(3, 20000):
            q = Fraction(x) / 3  # not a binary fraction: exercises the general quotient
            for name, f in oracle.FORMATS.items():
                for mode in ieee.MODES:
                    self.assertTrue(same(ieee.round_value(q, name, mode), oracle.round_frac(q, f, mode)),
                                    (x, name, mode))

    def test_limits_by_mode(self):
        big = Fraction(2) ** 200
        self.assertEqual(ieee.round_value(big, "f32", "nearest"), math.inf)
        self.assertEqual(ieee.round_value(big, "f32", "toward-zero"), float.fromhex("0x1.fffffep+127"))
        self.assertEqual(ieee.round_value(-big, "bf16", "up"), -float.fromhex("0x1.fep+127"))
        self.assertTrue(same(ieee.round_value(-1e-50, "f32"), -0.0))
        self.assertEqual(ieee.round_value(1e-50, "f32", "up"), math.ldexp(1, -149))
        self.assertEqual(ieee.round_value(Fraction(1, 3), "bf16"), float.fromhex("0x1.56p-2"))
        # ties to even: 1 + 2^-11 lies halfway between 1 and 1 + 2^-10 in binary16
        self.assertEqual(ieee.round_value(1 + 2.0 ** -11, "f16"), 1.0)
        self.assertEqual(ieee.round_value(1 + 3 * 2.0 ** -11, "f16"), 1 + 2.0 ** -9)

    def test_ordinal_counts_values(self):
        self.assertEqual(ieee.distance(1.0, float.fromhex("0x1.008p+0"), "f16"), 2)
        self.assertEqual(ieee.distance(-0.0, 0.0, "f64"), 0)
        self.assertEqual(ieee.distance(-math.ldexp(1, -149), math.ldexp(1, -149), "f32"), 2)
        self.assertEqual(ieee.distance(1.0, float.fromhex("0x1.02p+0"), "bf16"), 1)
        self.assertEqual(ieee.distance(math.nan, 1.0, "f32"), math.inf)


class ProtocolNumberTests(unittest.TestCase):
    def test_round_trip(self):
        for text in ("0x1.8000000000000p+1", "-0x0.0p+0", "inf", "-inf"):
            self.assertEqual(format_number(parse_number(text)), text)
        self.assertTrue(math.isnan(parse_number("nan")))
        self.assertEqual(parse_number("2.5"), 2.5)


SCRAMBLER = r"""
import json, sys
held = []
for line in sys.stdin:
    held.append(json.loads(line))
    if len(held) == 3:  # answer three at a time, last first
        for r in reversed(held):
            print(json.dumps({"id": r["id"], "output": [r["input"][0]]}), flush=True)
        held = []
for r in held:
    print("not json" if r["id"] == 7 else json.dumps({"output": r["input"]}), flush=True)
"""


class BatchTests(unittest.TestCase):
    def requests(self, count):
        return [{"id": i, "input": [format_number(float(i))]} for i in range(count)]

    def test_answers_are_matched_by_id(self):
        answers, code, _, timed_out = converse([sys.executable, "-c", SCRAMBLER], self.requests(6), in_flight=3)
        self.assertEqual((code, timed_out), (0, False))
        self.assertEqual([parse_number(a["output"][0]) for a in answers], [0, 1, 2, 3, 4, 5])

    def test_answers_without_id_go_to_the_oldest_request(self):
        answers, _, _, _ = converse([sys.executable, "-c", SCRAMBLER], self.requests(8), in_flight=8)
        self.assertEqual(answers[6], {"output": ["0x1.8000000000000p+2"]})
        self.assertEqual(answers[7], {"error": "garbage: not json"})

    def test_a_program_that_stops_leaves_none(self):
        answers, code, _, _ = converse([sys.executable, "-c", "import sys; sys.stdin.readline(); print('{\"id\":0}')"],
                                       self.requests(4), in_flight=1)
        self.assertEqual(answers, [{"id": 0}, None, None, None])

    def test_a_hanging_program_times_out(self):
        process = BatchProcess([sys.executable, "-c", "import time; time.sleep(60)"])
        exchange = process.send(self.requests(2))
        self.assertEqual(exchange.result(timeout=0.5), [None, None])
        self.assertTrue(exchange.timed_out)
        process.close()


if __name__ == "__main__":
    unittest.main()
