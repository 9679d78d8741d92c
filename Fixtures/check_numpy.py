#!/usr/bin/env python3
"""Judge NumPy's max-shift softmax against the SoftmaxRef fixtures: max ulp error per format."""
import json
import pathlib
import sys

import numpy as np

HERE = pathlib.Path(__file__).parent
DTYPES = {"f16": np.float16, "f32": np.float32, "f64": np.float64}  # NumPy has no bfloat16


def value(text, dtype):
    """A fixture number: a C99 hex float, or inf, -inf, nan."""
    if text in ("inf", "-inf", "nan"):
        return dtype(float(text))
    return dtype(float.fromhex(text))  # exact: fixture values are exact in their format


def ordinal(x):
    """The position of x among the values of its format (so ulp distance is a difference)."""
    bits = int(x.view(np.dtype("u%d" % x.dtype.itemsize)))
    sign = 1 << (8 * x.dtype.itemsize - 1)
    return -(bits & ~sign) if bits & sign else bits


def numpy_softmax(x, beta):
    z = beta * x
    e = np.exp(z - np.max(z))
    return e / np.sum(e)


def main():
    cases = json.loads((HERE / "softmax.json").read_text())["cases"]
    worst = {name: (0, None) for name in DTYPES}
    with np.errstate(all="ignore"):
        for case in cases:
            if case.get("base") or not case["input"]:
                continue  # NumPy's idiom has no base parameter; an empty row has nothing to compare
            for name, dtype in DTYPES.items():
                result = case["results"][name]
                x = np.array([value(v, dtype) for v in result["input"]] * case.get("repeat", 1), dtype=dtype)
                ours = numpy_softmax(x, value(result["beta"], dtype))[: len(result["input"])]
                expected = [value(v, dtype) for v in result["outputs"]["nearest"]]
                for got, want in zip(ours, expected):
                    if np.isnan(want) or np.isnan(got):
                        continue  # the non-finite conventions are compared elsewhere
                    ulps = abs(ordinal(got) - ordinal(want))
                    if ulps > worst[name][0]:
                        worst[name] = (ulps, case["id"])
    for name, (ulps, case_id) in worst.items():
        print(f"numpy {np.__version__} softmax {name}: max error {ulps} ulp" + (f" (case {case_id})" if case_id else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
