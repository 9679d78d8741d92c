"""The NumPy dtypes of the four formats and their values as little-endian bytes, which the
`"encoding": "base64-le"` form of `compute --batch` carries as base64 (see _requests)."""

import sys

import numpy as np

try:
    import ml_dtypes
    BFLOAT16 = np.dtype(ml_dtypes.bfloat16)
except ImportError:  # bfloat16 needs the optional extra
    ml_dtypes = None
    BFLOAT16 = None

ENCODING = "base64-le"
_LITTLE = sys.byteorder == "little"


def format_of(dtype):
    """The protocol's name of a float dtype (f16, bf16, f32, f64); TypeError for any other."""
    dtype = np.dtype(dtype)
    if BFLOAT16 is not None and dtype == BFLOAT16:
        return "bf16"
    names = {np.dtype(np.float16): "f16", np.dtype(np.float32): "f32", np.dtype(np.float64): "f64"}
    name = names.get(dtype.newbyteorder("=")) if dtype.kind == "f" else None
    if name is None:
        raise TypeError("softmaxref: arrays of %s are not supported; use float16, bfloat16 (ml_dtypes), "
                        "float32 or float64" % dtype)
    return name


def dtype_of(fmt):
    """The native-order dtype of a format name."""
    if fmt == "bf16":
        if BFLOAT16 is None:
            raise TypeError("softmaxref: bfloat16 needs ml_dtypes (pip install 'softmaxref[bfloat16]')")
        return BFLOAT16
    return np.dtype({"f16": np.float16, "f32": np.float32, "f64": np.float64}[fmt])


def little_endian_bytes(array):
    """The values of a native-order array as contiguous little-endian bytes, in C order."""
    array = np.ascontiguousarray(array)
    return (array if _LITTLE else array.byteswap()).tobytes()


def from_bytes(data, fmt):
    """A 1-D array of the format's native dtype from little-endian bytes."""
    dtype = dtype_of(fmt)
    array = np.frombuffer(data, dtype=dtype)
    if not _LITTLE:
        array = array.byteswap()
    return array
