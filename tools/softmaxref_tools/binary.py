"""The softmax-ref binary: an explicit path, $SOFTMAXREF_BIN, or a release build in
.build-release (`swift build -c release --product softmax-ref --scratch-path .build-release`)."""

import os
import subprocess
import sys

from . import ROOT

ENVIRONMENT = "SOFTMAXREF_BIN"
SCRATCH = ".build-release"


def built(scratch=SCRATCH):
    return os.path.join(ROOT, scratch, "release", "softmax-ref")


def build(scratch=SCRATCH, tool="tools"):
    """Runs the release build; True on success (its output is shown only when it fails)."""
    cmd = ["swift", "build", "-c", "release", "--product", "softmax-ref", "--scratch-path", scratch]
    print("%s: %s" % (tool, " ".join(cmd)), file=sys.stderr, flush=True)
    try:
        result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    except OSError as e:
        print("%s: cannot run swift (%s)" % (tool, e), file=sys.stderr)
        return False
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        return False
    return True


def locate(explicit=None, tool="tools", scratch=SCRATCH, build_it=True):
    """The absolute path of the binary to run. `explicit` (a --binary option), else
    $SOFTMAXREF_BIN, else the release build (built first unless build_it is False; if the build
    fails, an existing .build-release or .build release binary). Exits when there is none."""
    for given, origin in ((explicit, "--binary"), (os.environ.get(ENVIRONMENT), "$" + ENVIRONMENT)):
        if given:
            if not os.access(given, os.X_OK):
                sys.exit("%s: %s names %s, which is not an executable file" % (tool, origin, given))
            return os.path.abspath(given)
    if build_it and not build(scratch, tool):
        print("%s: the build failed; looking for an existing binary" % tool, file=sys.stderr)
    for path in (built(scratch), os.path.join(ROOT, ".build", "release", "softmax-ref")):
        if os.access(path, os.X_OK):
            return path
    sys.exit("%s: no softmax-ref binary; pass --binary PATH or set %s" % (tool, ENVIRONMENT))
