"""The sweep's CI matrix (tools/ci/sweep-matrix.yml) and Slurm array (tools/slurm/sweep-array.sh):
their structure, and their exact commands run for real on a binary16 sweep in four shards, whose
merge must equal the unsharded sweep's report but for seconds. Needs PyYAML and a built
softmax-ref (.build/release or .build/debug); skipped without them."""

import json
import os
import re
import subprocess
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORKFLOW = os.path.join(ROOT, "tools", "ci", "sweep-matrix.yml")
SLURM = os.path.join(ROOT, "tools", "slurm", "sweep-array.sh")

try:
    import yaml
except ImportError:  # pragma: no cover
    yaml = None


def binary():
    for kind in ("release", "debug"):
        path = os.path.join(ROOT, ".build", kind, "softmax-ref")
        if os.path.exists(path):
            return path
    return None


def untimed(text):
    """A sweep's JSON reports without their timings."""
    reports = json.loads(text)
    for r in reports if isinstance(reports, list) else [reports]:
        r.pop("seconds")
    return reports


def unsharded(exe, cwd, function="sigmoid", fmt="f16", implementation="simd"):
    out = subprocess.run([exe, "sweep", "--function", function, "--format", fmt, "--implementation", implementation,
                          "--rounding", "all", "--report", "json"], cwd=cwd, capture_output=True, text=True)
    assert out.returncode in (0, 1), out.stderr
    return untimed(out.stdout)


@unittest.skipIf(yaml is None, "needs PyYAML")
class WorkflowStructure(unittest.TestCase):
    def setUp(self):
        with open(WORKFLOW) as f:
            self.doc = yaml.safe_load(f)
        self.jobs = self.doc["jobs"]

    def test_matrix_of_shards_then_merge(self):
        trigger = self.doc.get("on", self.doc.get(True))  # YAML 1.1 reads the key `on` as true
        self.assertIn("workflow_dispatch", trigger)
        self.assertEqual(set(self.jobs), {"shard", "merge"})
        shards = int(self.doc["env"]["SHARDS"])
        self.assertEqual(self.jobs["shard"]["strategy"]["matrix"]["shard"], list(range(1, shards + 1)))
        self.assertEqual(self.jobs["merge"]["needs"], "shard")

    def test_artifacts_flow_from_shards_to_merge(self):
        uploads = [s for s in self.jobs["shard"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact")]
        self.assertEqual(len(uploads), 1)
        self.assertEqual(uploads[0]["with"]["name"], "shard-${{ matrix.shard }}")
        downloads = [s for s in self.jobs["merge"]["steps"] if s.get("uses", "").startswith("actions/download-artifact")]
        self.assertEqual(downloads[0]["with"]["pattern"], "shard-*")
        self.assertTrue(any(s.get("uses", "").startswith("actions/upload-artifact") for s in self.jobs["merge"]["steps"]))

    @unittest.skipIf(binary() is None, "softmax-ref not built")
    def test_commands_run_and_merge_to_the_unsharded_report(self):
        inputs = {k: str(v["default"]) for k, v in self.doc["on" if "on" in self.doc else True]["workflow_dispatch"]["inputs"].items()}
        shards = int(self.doc["env"]["SHARDS"])

        def commands(job, shard=None):
            text = "\n".join(s["run"] for s in self.jobs[job]["steps"] if "softmax-ref sweep" in s.get("run", ""))
            text = re.sub(r"\$\{\{ inputs\.(\w+) \}\}", lambda m: inputs[m.group(1)], text)
            return text.replace("${{ matrix.shard }}", str(shard)).replace("$SHARDS", str(shards))

        with tempfile.TemporaryDirectory() as tmp:
            os.makedirs(os.path.join(tmp, ".build", "release"))
            os.symlink(binary(), os.path.join(tmp, ".build", "release", "softmax-ref"))
            for k in range(1, shards + 1):
                subprocess.run(["sh", "-ec", commands("shard", k)], cwd=tmp, check=True)
            os.makedirs(os.path.join(tmp, "shards"))
            for k in range(1, shards + 1):  # what download-artifact with merge-multiple leaves
                os.rename(os.path.join(tmp, f"shard-{k}.json"), os.path.join(tmp, "shards", f"shard-{k}.json"))
            subprocess.run(["sh", "-ec", commands("merge")], cwd=tmp, check=True)
            with open(os.path.join(tmp, "sweep.json")) as f:
                merged = untimed(f.read())
            self.assertEqual(merged, unsharded(binary(), tmp, inputs["function"], inputs["format"], inputs["implementation"]))
            self.assertEqual(len(merged), 4)  # the four rounding directions


@unittest.skipIf(binary() is None, "softmax-ref not built")
class SlurmArray(unittest.TestCase):
    def test_tasks_and_merge_give_the_unsharded_report(self):
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, FORMAT="f16", FUNCTION="sigmoid", IMPLEMENTATION="simd", OUT=os.path.join(tmp, "out"),
                       SOFTMAX_REF=binary(), SHARDS="3")
            os.makedirs(env["OUT"])
            for k in (1, 2, 3):
                subprocess.run(["sh", SLURM, "shard"], env=dict(env, SLURM_ARRAY_TASK_ID=str(k)), check=True, cwd=tmp)
                self.assertTrue(os.path.exists(os.path.join(env["OUT"], f"shard-{k}.checkpoint")))
            subprocess.run(["sh", SLURM, "merge"], env=env, check=True, cwd=tmp)
            with open(os.path.join(env["OUT"], "sweep.json")) as f:
                self.assertEqual(untimed(f.read()), unsharded(binary(), tmp))

    def test_bad_mode_is_refused(self):
        out = subprocess.run(["sh", SLURM, "nonsense"], capture_output=True, text=True)
        self.assertEqual(out.returncode, 2)
        self.assertIn("usage", out.stderr)


if __name__ == "__main__":
    unittest.main()
