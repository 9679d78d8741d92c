"""Helpers shared by the Python tools in tools/ and the adapters in tools/adapters/.

    environment  pinned requirements: this interpreter if it has them, else tools/.venv-NAME
    binary       the softmax-ref binary: --binary, $SOFTMAXREF_BIN, or a release build
    batch        a pipelined client of `softmax-ref compute --batch` and of adapters
    ieee         rounding to binary16, bfloat16, binary32, binary64 in the four modes
    protocol     the JSON-lines protocol of `validate --command`: requests, numbers, serve()
    peers        the peer frameworks: adapter, environment, pinned packages

A script in tools/ imports the package directly (its own directory is on sys.path); an adapter
in tools/adapters/ puts tools/ on sys.path first. Nothing here imports a third-party module.
`PYTHONPATH=tools python3 -m softmaxref_tools binary` prints the binary's path for shell scripts.
"""

import os

TOOLS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(TOOLS)
