"""SoftmaxRef for Python: the correctly rounded softmax family and activations on NumPy arrays
(`Reference`), a pytest conformance helper (`softmaxref.testing.assert_conforms`), and the golden
fixtures as ONNX node tests (`softmaxref-export-onnx`). The bundled `softmax-ref` binary computes
every value; `SOFTMAXREF_BIN` names another."""

from ._locate import binary, fixtures
from .reference import CrossEntropy, Reference

__all__ = ["Reference", "CrossEntropy", "binary", "fixtures"]
__version__ = "0.1.0"
