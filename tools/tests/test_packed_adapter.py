"""tools/adapters/packed.py: the packed form's codec (every binary16 and bfloat16 encoding through
decode and encode unchanged) and `serve` answering packed and plain lines in order on one stream."""

import base64
import io
import json
import os
import struct
import sys
import unittest

ADAPTERS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "adapters")
sys.path.insert(0, ADAPTERS)

try:
    import numpy as np
    import packed
except ImportError:  # pragma: no cover
    packed = None


@unittest.skipIf(packed is None, "needs NumPy")
class Codec(unittest.TestCase):
    def test_every_16_bit_encoding_round_trips(self):
        raw = struct.pack("<65536H", *range(65536))
        text = base64.b64encode(raw).decode()
        for fmt in ("f16", "bf16"):
            values = packed.decode(text, fmt)
            self.assertEqual(len(values), 65536)
            again = base64.b64decode(packed.encode(values, fmt))
            # NaN payloads may change through float64; every other encoding is kept bit for bit.
            for bits, (a, b) in enumerate(zip(struct.unpack("<65536H", raw), struct.unpack("<65536H", again))):
                nan = (bits & 0x7C00 == 0x7C00 and bits & 0x3FF) if fmt == "f16" else (bits & 0x7F80 == 0x7F80 and bits & 0x7F)
                if not nan:
                    self.assertEqual(a, b, "%s 0x%04x" % (fmt, bits))

    def test_values_by_hand(self):
        # 0x3c00 is 1.0 in binary16, 0x3f80 in bfloat16; 0x3f800000 in binary32.
        self.assertEqual(packed.decode("ADw=", "f16").tolist(), [1.0])
        self.assertEqual(packed.decode("gD8=", "bf16").tolist(), [1.0])
        self.assertEqual(packed.decode("AACAPw==", "f32").tolist(), [1.0])
        self.assertEqual(packed.encode([0.5, -2.0], "bf16"), base64.b64encode(bytes([0x00, 0x3F, 0x00, 0xC0])).decode())

    def test_bad_base64_is_a_bad_request(self):
        for text in ("AD", "A@==", "AAA="):  # truncated, outside the alphabet, 2 bytes short of an f32
            with self.assertRaises(packed.protocol.BadRequest):
                packed.decode(text, "f32")


@unittest.skipIf(packed is None, "needs NumPy")
class Serve(unittest.TestCase):
    def test_packed_and_plain_lines_in_order(self):
        def answer(req):
            return np.array([2 * v for v in req.input], dtype=np.float16)

        lines = [
            {"id": 1, "function": "sigmoid", "format": "f16", "encoding": "base64-le", "input": "ADwAAA=="},
            {"id": 2, "function": "sigmoid", "format": "f16", "input": ["0x1p+0"]},
            {"id": 3, "function": "sigmoid", "format": "f16", "encoding": "base64-le", "input": "!"},
        ]
        out = io.StringIO()
        packed.serve(answer, stdin=io.StringIO("".join(json.dumps(x) + "\n" for x in lines)), stdout=out)
        replies = [json.loads(x) for x in out.getvalue().splitlines()]
        self.assertEqual([r["id"] for r in replies], [1, 2, 3])
        self.assertEqual(replies[0]["encoding"], "base64-le")
        self.assertEqual(packed.decode(replies[0]["output"], "f16").tolist(), [2.0, 0.0])  # 2·1, 2·0
        self.assertEqual(replies[1]["output"], ["0x1.0000000000000p+1"])
        self.assertTrue(replies[2]["error"].startswith("bad request"))


if __name__ == "__main__":
    unittest.main()
