"""The peer frameworks: their adapters, virtual environments and pinned packages.

The pins are the versions measured in tools/adapters/policies.json and tools/scoreboard.md.
TensorFlow has an environment of its own because tensorflow-cpu pins a NumPy of its own.
"""

import os

from . import TOOLS
from .environment import venv_dir, venv_python


class Peer:
    """`name` as validate-peers spells it, `policy` as `validate --policy` does."""

    def __init__(self, name, policy, modules, requirements, environment="peers"):
        self.name = name
        self.policy = policy
        self.modules = modules  # must import for the adapter to run
        self.requirements = requirements  # pinned pip requirements
        self.environment = environment  # tools/.venv-<environment>
        self.adapter = os.path.join(TOOLS, "adapters", "%s_adapter.py" % name)

    @property
    def venv(self):
        return venv_dir(self.environment)

    @property
    def python(self):
        return venv_python(self.venv)

    @property
    def distributions(self):
        return [r.split("==")[0] for r in self.requirements]

    def command(self):
        """The adapter's command line, with the environment's Python, relative to the repository."""
        root = os.path.dirname(TOOLS)
        return "%s %s" % (os.path.relpath(self.python, root), os.path.relpath(self.adapter, root))


PEERS = [
    Peer("numpy", "numpy", ["numpy"], ["numpy==2.4.6"]),
    Peer("scipy", "scipy", ["numpy", "scipy"], ["scipy==1.17.1", "numpy==2.4.6"]),
    Peer("jax", "jax", ["jax", "jaxlib"], ["jax==0.10.2", "jaxlib==0.10.2"]),
    Peer("onnxruntime", "onnxruntime", ["onnx", "onnxruntime"], ["onnxruntime==1.32.0", "onnx==1.23.2"]),
    Peer("torch", "pytorch", ["torch"], ["torch==2.15.0"]),
    Peer("tensorflow", "tensorflow", ["tensorflow"], ["tensorflow-cpu==2.21.0"], environment="tensorflow"),
]
BY_NAME = {p.name: p for p in PEERS}
BY_POLICY = {p.policy: p for p in PEERS}
