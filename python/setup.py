"""Builds the `softmax-ref` binary with Swift and bundles it, with the golden fixtures, in a
platform wheel. The repository root is the parent of this directory; the build uses its own
scratch path (.build-python) so it does not disturb other builds. The Swift runtime and
Foundation are linked statically, so the wheel needs only libgmp, libstdc++ and libc, not the
toolchain."""

import glob
import os
import shutil
import subprocess
import sys

from setuptools import setup
from setuptools.command.build_py import build_py

try:
    from setuptools.command.bdist_wheel import bdist_wheel
except ImportError:  # setuptools < 70.1 keeps it in the wheel package
    from wheel.bdist_wheel import bdist_wheel

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCRATCH = ".build-python"


def swift_binary():
    """The release binary, built now (an incremental build when .build-python exists)."""
    if not os.path.exists(os.path.join(ROOT, "Package.swift")):
        sys.exit("softmaxref: %s is not the SoftmaxRef repository (no Package.swift); "
                 "install from python/ inside a checkout" % ROOT)
    command = ["swift", "build", "-c", "release", "--product", "softmax-ref", "--scratch-path", SCRATCH,
               "--static-swift-stdlib"]
    print("softmaxref: " + " ".join(command), flush=True)
    try:
        subprocess.run(command, cwd=ROOT, check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        sys.exit("softmaxref: the Swift build failed (%s); Swift 6 and libgmp-dev are needed" % error)
    return os.path.join(ROOT, SCRATCH, "release", "softmax-ref")


class BuildWithBinary(build_py):
    """build_py, plus softmaxref/bin/softmax-ref and softmaxref/fixtures/*.json."""

    def run(self):
        super().run()
        package = os.path.join(self.build_lib, "softmaxref")
        os.makedirs(os.path.join(package, "bin"), exist_ok=True)
        target = os.path.join(package, "bin", "softmax-ref")
        shutil.copy2(swift_binary(), target)
        os.chmod(target, 0o755)
        fixtures = os.path.join(package, "fixtures")
        os.makedirs(fixtures, exist_ok=True)
        for path in glob.glob(os.path.join(ROOT, "Fixtures", "*.json")):
            shutil.copy2(path, fixtures)


class PlatformWheel(bdist_wheel):
    """A wheel tagged for this platform (it carries a native binary) but any Python 3."""

    def finalize_options(self):
        super().finalize_options()
        self.root_is_pure = False

    def get_tag(self):
        _, _, platform = super().get_tag()
        return "py3", "none", platform


setup(cmdclass={"build_py": BuildWithBinary, "bdist_wheel": PlatformWheel})
