"""Tests of tools/activation_accuracy and softmaxref_tools.activations:
`python3 -m unittest discover -s tools/tests`."""

import math
import os
import struct
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tools/

from activation_accuracy import inputs  # noqa: E402
from activation_accuracy.cell import Cell  # noqa: E402
from softmaxref_tools.activations import parameters  # noqa: E402
from softmaxref_tools.protocol import Request, Unsupported  # noqa: E402


class CellTests(unittest.TestCase):
    def test_distance_in_steps_and_the_worst_input(self):
        cell = Cell("p", "tanh", "f16")
        cell.add(0.5, 1.0, 1.0)
        cell.add(0.25, 1.0 + 2 ** -10, 1.0)  # one f16 step above 1
        cell.add(0.75, 1.0 - 3 * 2 ** -11, 1.0)  # three steps below 1 (the binade below has half the step)
        self.assertEqual((cell.count, cell.exact, cell.ulps), (3, 1, 3))
        self.assertEqual(cell.worst, (0.75, 1.0 - 3 * 2 ** -11, 1.0))

    def test_mismatches_without_a_distance_are_counted_apart(self):
        cell = Cell("p", "softplus", "f16")
        cell.add(12.0, math.inf, 12.0)
        cell.add(1.0, math.nan, 1.0)
        cell.add(-1.0, -0.0, 0.0)
        cell.add(2.0, 0.1, 0.125)  # 0.1 is no binary16 value
        cell.add(math.nan, math.nan, math.nan)
        cell.add(-20.0, 0.0, 2.0 ** -20)  # the binary16 subnormal 2^-20 flushed to zero
        cell.add(-10.0, 0.0, 2.0 ** -14)  # the least normal: an error in steps (1024 of them)
        self.assertEqual(cell.mismatches, {"nan": 1, "inf": 1, "zero_sign": 1, "foreign": 1, "flush": 1})
        self.assertEqual((cell.exact, cell.ulps), (1, 1024))
        self.assertEqual(cell.examples["inf"], (12.0, math.inf, 12.0))

    def test_errors_are_not_compared(self):
        cell = Cell("p", "gelu", "f32")
        cell.error([1.0, 2.0], "ValueError: x")
        cell.add(3.0, 3.0, 3.0)
        self.assertEqual((cell.count, cell.compared, cell.share_exact), (3, 1, 1.0))


class InputTests(unittest.TestCase):
    def test_the_16_bit_formats_are_exhaustive(self):
        for fmt in ("f16", "bf16"):
            values = inputs.exhaustive(fmt)
            self.assertEqual(len(values), 65536)
            finite = {v for v in values if math.isfinite(v)}
            # every encoding but the 2·(2^m − 1) NaNs and the two infinities; +0 and −0 compare equal
            mantissa = 10 if fmt == "f16" else 7
            self.assertEqual(len(finite), 65536 - 2 * (2 ** mantissa - 1) - 2 - 1)

    def test_samples_are_values_of_the_format_and_seeded(self):
        a = inputs.sample("f32", 3000, 7)
        self.assertEqual(len(a), 3000)
        self.assertEqual([struct.pack("<d", v) for v in a], [struct.pack("<d", v) for v in inputs.sample("f32", 3000, 7)])
        for v in a:
            if math.isfinite(v):
                self.assertEqual(struct.unpack("<f", struct.pack("<f", v))[0], v)
        self.assertTrue(any(v != 0 and abs(v) < 2.0 ** -126 for v in a))  # subnormals
        self.assertTrue(any(abs(v) > 1e30 for v in a if math.isfinite(v)))  # huge
        self.assertTrue(any(math.isnan(v) for v in a) and math.inf in a and -math.inf in a)


class ParameterTests(unittest.TestCase):
    def request(self, **keys):
        raw = {"id": 1, "format": "f16", "input": ["0x1p+0"]}
        raw.update(keys)
        return Request(raw)

    def test_defaults_are_rounded_to_the_format(self):
        # 0.01 lies in [2^-7, 2^-6): binary16 steps of 2^-17 there, and 0.01·2^17 = 1310.72 rounds to 1311
        p = parameters(self.request(function="leaky-relu"), honoured=("alpha",))
        self.assertEqual(p["alpha"], 1311 / 2 ** 17)

    def test_a_parameter_without_an_argument_may_only_be_the_default(self):
        self.assertEqual(parameters(self.request(function="softplus"))["beta"], 1.0)
        with self.assertRaises(Unsupported):
            parameters(self.request(function="softplus", beta="0x1p+1"))
        p = parameters(self.request(function="relu", max_value="0x1.8p+2"), honoured=("max_value",))
        self.assertEqual((p["max_value"], p["alpha"], p["threshold"]), (6.0, 0.0, 0.0))
        with self.assertRaises(Unsupported):
            parameters(self.request(function="relu", threshold="0x1p+0"), honoured=("max_value",))


if __name__ == "__main__":
    unittest.main()
