"""Pinned requirements: the running interpreter when it already has them, else a virtual
environment tools/.venv-NAME made with `python3 -m venv` and pip."""

import importlib
import importlib.metadata
import os
import subprocess
import sys

from . import TOOLS


def say(tool, message):
    print("%s: %s" % (tool, message), file=sys.stderr, flush=True)


def venv_dir(name):
    """tools/.venv-NAME (gitignored)."""
    return os.path.join(TOOLS, ".venv-" + name)


def venv_python(path):
    return os.path.join(path, "bin", "python")


def split(requirement):
    """("mpmath", "1.3.0") for "mpmath==1.3.0"; ("mpmath", None) for "mpmath"."""
    name, _, version = requirement.partition("==")
    return name.strip(), (version.strip() or None)


def distribution_name(requirement):
    """The distribution of a requirement, without extras: "jax" for "jax[cpu]==0.10.2"."""
    return split(requirement)[0].split("[")[0]


def unmet(requirements):
    """The requirements this interpreter does not satisfy (missing, or another version)."""
    out = []
    for requirement in requirements:
        name, version = split(requirement)
        try:
            have = importlib.metadata.version(distribution_name(name))
        except importlib.metadata.PackageNotFoundError:
            have = None
        if have is None or (version is not None and have != version):
            out.append(requirement)
    return out


def create(path, tool):
    """Makes a virtual environment at path unless one is there; False if that fails."""
    if os.path.exists(venv_python(path)):
        return True
    say(tool, "creating %s" % os.path.relpath(path))
    return subprocess.run([sys.executable, "-m", "venv", path]).returncode == 0


def install(python, requirements, tool, extra_args=()):
    """pip-installs the requirements with that interpreter; True on success."""
    say(tool, "installing %s" % " ".join(requirements))
    cmd = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"] + list(extra_args) + list(requirements)
    return subprocess.run(cmd).returncode == 0


def imports(python, modules):
    """Do these modules import in that interpreter?"""
    if not os.path.exists(python):
        return False
    code = "; ".join("import %s" % m for m in modules)
    return subprocess.run([python, "-c", code], capture_output=True).returncode == 0


def versions(python, distributions):
    """{distribution: version, or None when it is not installed} in that interpreter."""
    code = ("import importlib.metadata as m\n"
            "for n in %r:\n"
            "    try: print(n, m.version(n))\n"
            "    except Exception: print(n, '-')\n") % (list(distributions),)
    out = subprocess.run([python, "-c", code], capture_output=True, text=True).stdout.split()
    found = {out[i]: out[i + 1] for i in range(0, len(out) - 1, 2)}
    return {n: (None if found.get(n, "-") == "-" else found[n]) for n in distributions}


def require(name, requirements, tool):
    """Returns when this interpreter satisfies `requirements` (pins such as "mpmath==1.3.0").
    Otherwise re-executes the running script inside tools/.venv-NAME, creating the environment
    first; inside it, installs what is missing. Exits with a message when that cannot be done."""
    missing = unmet(requirements)
    if not missing:
        return
    path = venv_dir(name)
    if os.path.realpath(sys.prefix) == os.path.realpath(path):
        if not install(sys.executable, missing, tool):
            sys.exit("%s: pip could not install %s" % (tool, " ".join(missing)))
        importlib.invalidate_caches()
        return
    if not create(path, tool):
        sys.exit("%s: cannot create %s" % (tool, path))
    python = venv_python(path)
    os.execv(python, [python, os.path.abspath(sys.argv[0])] + sys.argv[1:])
