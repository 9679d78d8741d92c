"""validate-peers' setup: the peers' virtual environments, their versions, the binary's validate."""

import os
import subprocess
import sys
import time
from softmaxref_tools import ROOT, environment
from softmaxref_tools.peers import BY_NAME as PEERS


FORMATS = ["f16", "bf16", "f32", "f64"]


FUNCTIONS = ["softmax", "log-softmax", "logsumexp", "sigmoid", "jacobian", "cross-entropy"]


def say(*parts):
    print(*parts, file=sys.stderr, flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, cwd=ROOT, **kw)


# ---------------------------------------------------------------------------------------------
# 1. The virtual environment


def ensure_venv(names, install):
    """Returns the peers whose packages import, installing what is missing if `install`."""
    ready = []
    for name in names:
        peer = PEERS[name]
        if not os.path.exists(peer.python):
            if not install:
                say("skipping %s: no %s (run without --no-install)" % (name, os.path.relpath(peer.venv, ROOT)))
                continue
            if not environment.create(peer.venv, "validate-peers"):
                say("skipping %s: cannot create %s" % (name, os.path.relpath(peer.venv, ROOT)))
                continue
        if environment.imports(peer.python, peer.modules):
            ready.append(name)
            continue
        if not install:
            say("skipping %s: %s does not import (run without --no-install)" % (name, ", ".join(peer.modules)))
            continue
        start = time.time()
        attempts = [["--index-url", os.environ["TORCH_INDEX_URL"]]] if name == "torch" and os.environ.get("TORCH_INDEX_URL") else []
        for extra in attempts + [[]]:
            if environment.install(peer.python, peer.requirements, "validate-peers", extra) and \
                    environment.imports(peer.python, peer.modules):
                break
        if environment.imports(peer.python, peer.modules):
            say("installed %s in %.0f s" % (name, time.time() - start))
            ready.append(name)
        else:
            say("skipping %s: pip could not install %s" % (name, " ".join(peer.requirements)))
    return ready


def versions(name):
    peer = PEERS[name]
    found = environment.versions(peer.python, peer.distributions)
    return " ".join("%s %s" % (n, v or "?") for n, v in found.items())


# ---------------------------------------------------------------------------------------------
# 2. The binary


def has_validate(binary):
    r = run([binary, "validate", "--help"], capture_output=True, text=True)
    return r.returncode == 0 and "--command" in r.stdout + r.stderr
