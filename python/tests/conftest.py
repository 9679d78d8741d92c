import os
import sys

import numpy as np
import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import softmaxref  # noqa: E402

try:
    import ml_dtypes
    DTYPES = [np.float16, ml_dtypes.bfloat16, np.float32, np.float64]
except ImportError:
    DTYPES = [np.float16, np.float32, np.float64]


@pytest.fixture(scope="session")
def ref():
    with softmaxref.Reference() as r:
        yield r
