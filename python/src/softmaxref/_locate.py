"""Where the package finds the `softmax-ref` binary and the golden fixtures: the copies bundled
in the wheel, or the binary named by $SOFTMAXREF_BIN."""

import os

ENVIRONMENT = "SOFTMAXREF_BIN"
HERE = os.path.dirname(os.path.abspath(__file__))


def binary():
    """$SOFTMAXREF_BIN when set, else the bundled binary. Raises FileNotFoundError naming the
    path when it is not an executable file."""
    given = os.environ.get(ENVIRONMENT)
    path = os.path.abspath(given) if given else os.path.join(HERE, "bin", "softmax-ref")
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        origin = "$%s names" % ENVIRONMENT if given else "the bundled binary,"
        raise FileNotFoundError("softmaxref: %s %s, which is not an executable file" % (origin, path))
    return path


def fixtures():
    """The directory of the bundled golden fixtures (Fixtures/*.json of the repository)."""
    path = os.path.join(HERE, "fixtures")
    if not os.path.isdir(path):
        raise FileNotFoundError("softmaxref: no bundled fixtures in %s" % path)
    return path
