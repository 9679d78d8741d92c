"""How much time a Reference call spends outside the binary: each call is timed, its request
lines captured, and the same lines fed to `softmax-ref compute --batch` alone from a file.

    python python/benchmarks/plumbing.py        # with softmaxref installed
"""

import subprocess
import tempfile
import time

import numpy as np

import softmaxref


def main():
    rng = np.random.default_rng(1)
    with softmaxref.Reference() as ref:
        print("packed:", ref.packed)
        captured = {}
        exchange = ref._process.exchange

        def spy(lines):
            captured["lines"] = lines
            start = time.perf_counter()
            answers = exchange(lines)
            captured["seconds"] = time.perf_counter() - start
            return answers

        ref._process.exchange = spy
        for name, x, call in (
                ("softmax, 1000 rows of 1000 float32", rng.standard_normal((1000, 1000)).astype(np.float32), ref.softmax),
                ("softmax, 100000 rows of 10 float32", rng.standard_normal((100000, 10)).astype(np.float32), ref.softmax),
                ("linear, 10^6 float32", rng.standard_normal(10 ** 6).astype(np.float32), ref.linear)):
            start = time.perf_counter()
            call(x)
            total = time.perf_counter() - start
            with tempfile.NamedTemporaryFile(suffix=".jsonl") as requests:
                requests.write(b"".join(captured["lines"]))
                requests.flush()
                start = time.perf_counter()
                with open(requests.name, "rb") as stdin:
                    subprocess.run([ref.binary, "compute", "--batch"], stdin=stdin, stdout=subprocess.DEVNULL, check=True)
                alone = time.perf_counter() - start
            print("%s: call %.3f s = Python side %.3f s + exchange %.3f s; the binary alone on the same %d lines %.3f s"
                  % (name, total, total - captured["seconds"], captured["seconds"], len(captured["lines"]), alone))


if __name__ == "__main__":
    main()
