"""Tests of the activation parts of tools/measure_policies, tools/validate_peers and
tools/activation_accuracy (`--params`): `python3 -m unittest discover -s tools/tests`."""

import math
import os
import struct
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tools/

from activation_accuracy import variants  # noqa: E402
from measure_policies import activations as policies  # noqa: E402
from measure_policies.activation_render import activation_departures, cell as policy_cell, swift_case  # noqa: E402
from softmaxref_tools.protocol import format_number as hexnum  # noqa: E402
from validate_peers import activations as board  # noqa: E402


def f16(x):
    """x through binary16 and back (struct's 'e' rounds to nearest)."""
    return struct.unpack("<e", struct.pack("<e", x))[0]


class MeasureActivationTests(unittest.TestCase):
    def test_probe_values_are_binary16_values_of_their_class(self):
        values = policies.probe_values("f16")
        for cls, v in values:
            if not math.isnan(v):
                self.assertEqual(f16(v), v, "%s %r is not a binary16 value" % (cls, v))
        by_class = {}
        for cls, v in values:
            by_class.setdefault(cls, []).append(v)
        self.assertEqual(sorted(by_class["subnormal"]), [-(2 ** -14 - 2 ** -24), -2 ** -24, 2 ** -24, 2 ** -14 - 2 ** -24])
        self.assertEqual(by_class["largest"], [65504.0, -65504.0])
        # e^x overflows binary16 between ln(65504) = 11.0898... rounded down and the next value up.
        low, high = sorted(v for v in by_class["exp-overflow"] if v > 0)
        self.assertTrue(low <= math.log(65504) < high)
        self.assertEqual(high - low, 2 ** -7)  # one step in [8, 16)

    def test_kinds(self):
        k = policies.kind
        self.assertEqual(k(math.nan, 1.0, "f32"), "nan")
        self.assertEqual(k(1.0, math.nan, "f32"), "nanDropped")
        self.assertEqual(k(math.nan, math.nan, "f32"), "limit")
        self.assertEqual(k(0.0, -0.0, "f32"), "zeroSign")
        self.assertEqual(k(0.0, 2.0 ** -140, "f32"), "flushed")
        self.assertEqual(k(math.inf, 1.0, "f32"), "other")
        self.assertEqual(k(1.0 + 2 ** -20, 1.0, "f32"), "limit")  # within 2^-16 relative
        self.assertEqual(k(1.0 + 2 ** -10, 1.0, "f32"), "other")

    def test_summary_per_input_class(self):
        probe = {"request": {"function": "softsign", "format": "f32", "input": [hexnum(math.inf), hexnum(-0.0)]},
                 "classes": ["positive-infinity", "negative-zero"]}
        peer = {"output": [hexnum(math.nan), hexnum(0.0)]}
        limit = {"output": [hexnum(1.0), hexnum(-0.0)]}
        table = policies.summarise([probe, probe], [peer, {"error": "unsupported"}], [limit, limit])
        cells = table["softsign"]["f32"]
        self.assertEqual(cells["positive-infinity"]["kinds"], {"nan": 1, "unsupported": 1})
        self.assertEqual(cells["positive-infinity"]["answer"], "mixed")
        self.assertEqual(cells["negative-zero"]["examples"]["zeroSign"]["limit"], hexnum(-0.0))
        one = policies.summarise([probe], [peer], [limit])["softsign"]["f32"]
        self.assertEqual(one["positive-infinity"]["answer"], "nan")
        self.assertIn("+inf: **nan**", policy_cell(one))

    def test_only_nan_at_nan_and_infinities_becomes_a_swift_convention(self):
        entry = lambda answer: {"answer": answer, "kinds": {answer: 1}}
        section = {"table": {"pytorch": {"softsign": {
            "f16": {"positive-infinity": entry("nan"), "negative-zero": entry("zeroSign")},
            "f32": {"positive-infinity": entry("nan"), "negative-infinity": entry("other")}}}}}
        self.assertEqual(activation_departures(section, "pytorch"), {("softsign", "positive-infinity", "nan"): ["f16", "f32"]})
        self.assertEqual(swift_case("log-sigmoid"), "logSigmoid")
        self.assertEqual(swift_case("positive-infinity"), "positiveInfinity")


class ScoreboardActivationTests(unittest.TestCase):
    def report(self):
        return {"peer": "torch", "format": "f16", "seconds": 3, "document": {"fixtures": [
            {"function": "tanh", "format": "f16", "cases": 10, "unsupported": 0,
             "finite": {"cases": 8, "correctly_rounded": 6, "max_ulp": "0.75"},
             "non_finite": {"cases": 2, "follows": ["limit"], "defects": []},
             "failures": [{"case": "tanh/edge", "reason": "output 0 is 2, 3 ulp"}]},
            {"function": "gelu", "format": "f16", "cases": 0, "unsupported": 12, "finite": {"cases": 0}, "non_finite": {}}],
            "properties": [
                {"name": "close-to-reference/tanh", "passed": True, "cases_run": 50, "skipped": 0, "max_ulp": "0.9"},
                {"name": "monotonicity", "passed": False, "cases_run": 50, "skipped": 0,
                 "failure": {"reason": "tanh: output 3 is below output 2"}},
                {"name": "tanh-sigmoid", "passed": False, "failure": {"reason": "off by 40 ulps"}}]}}

    def test_cells_name_each_activations_properties(self):
        cells = board.collect(self.report())
        tanh = cells["tanh"]
        self.assertEqual((tanh["cases"], tanh["share"], tanh["random_ulp"]), (8, 0.75, "0.9"))
        self.assertEqual([n for n, _ in tanh["failed"]], ["monotonicity", "tanh-sigmoid"])
        self.assertEqual(board.cell(cells["gelu"]), "—")
        self.assertEqual(board.cell(tanh), "0.75 · 75% · rnd 0.9 · 1 fixture failures · ✗ monotonicity, tanh-sigmoid")

    def test_owner(self):
        self.assertEqual(board.owner("odd/softsign", ""), "softsign")
        self.assertEqual(board.owner("selu-elu", ""), "selu")
        self.assertEqual(board.owner("activation-range", "hard-swish: output 0 is 7"), "hard-swish")
        self.assertIsNone(board.owner("activation-range", "out of range"))

    def test_section_lists_the_defects(self):
        text = "\n".join(board.section({("torch", "f16"): self.report()}, ["torch"], ["f16"], 50, 1, {"torch": "torch 2.15.0"}))
        self.assertIn("| `tanh` | 0.75 · 75% · rnd 0.9", text)
        self.assertIn("- torch `tanh` f16, fixture tanh/edge: output 0 is 2, 3 ulp", text)
        self.assertIn("- torch `tanh` f16, property monotonicity: tanh: output 3 is below output 2", text)


class ParamsTests(unittest.TestCase):
    def test_specs(self):
        v, = variants.parse(["relu:alpha=0.1,max_value=6,threshold=-1"])
        self.assertEqual((v.function, v.params), ("relu", {"alpha": 0.1, "max_value": 6.0, "threshold": -1.0}))
        self.assertEqual(v.label, "relu α=0.1, max=6, t=-1")
        # 0.2 is no binary16 value: the request carries the binary16 value nearest to it.
        self.assertEqual(variants.parse(["leaky-relu:alpha=0.2"])[0].keys("f16"), {"alpha": hexnum(f16(0.2))})
        self.assertEqual(len(variants.parse(["default"])), len(variants.DEFAULT))
        for bad in (["tanh:gamma=1"], ["nope:alpha=1"], ["elu:alpha=x"]):
            with self.assertRaises(ValueError):
                variants.parse(bad)

    def test_findings_survive_a_rewrite(self):
        import tempfile
        from activation_accuracy.main import kept_findings
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "board.md")
            self.assertEqual(kept_findings(path), [])
            with open(path, "w") as f:
                f.write("# Board\n\nheader\n\n## Findings\n\n- torch gelu(+inf) is NaN\n\n## f16\n\n| table |\n")
            self.assertEqual(kept_findings(path), ["", "## Findings", "", "- torch gelu(+inf) is NaN"])


if __name__ == "__main__":
    unittest.main()
