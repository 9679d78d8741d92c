"""`PYTHONPATH=tools python3 -m softmaxref_tools binary [--no-build]`: prints the path of the
softmax-ref binary (see binary.locate), for the shell scripts of tools/."""

import sys

from . import binary

if __name__ == "__main__":
    args = sys.argv[1:]
    if not args or args[0] != "binary" or any(a != "--no-build" for a in args[1:]):
        sys.exit("usage: python3 -m softmaxref_tools binary [--no-build]")
    print(binary.locate(tool="softmaxref_tools", build_it="--no-build" not in args))
