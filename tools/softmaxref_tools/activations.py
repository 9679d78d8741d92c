"""The parameters of the elementwise activation requests, as the adapters pass them on.

A request may give `alpha`, `beta`, `max_value` and `threshold` (numbers in its format); when it
does not, the protocol's default applies, rounded to the format as `softmax-ref compute` rounds it
(leaky-relu's 0.01 becomes 0.01000213623046875 in f16). An adapter passes these values to the
framework explicitly, so a framework whose own default differs (Keras' leaky_relu slope 0.2) still
computes the requested function. A parameter the framework has no argument for may only take its
default; any other value is answered "unsupported".
"""

from fractions import Fraction

from .ieee import round_value
from .protocol import Unsupported

# function -> {parameter: default}; None: no default (relu's max_value: no clip).
DEFAULTS = {
    "softplus": {"beta": Fraction(1)},
    "swish": {"beta": Fraction(1)},
    "silu": {"beta": Fraction(1)},
    "elu": {"alpha": Fraction(1)},
    "leaky-relu": {"alpha": Fraction(1, 100)},
    "relu": {"alpha": Fraction(0), "max_value": None, "threshold": Fraction(0)},
}


def parameters(req, honoured=()):
    """{name: value as a Python float} for the parameters of the request's function: the request's
    value, else the default rounded to the format. Raises Unsupported when a parameter that is not
    in `honoured` (the ones the framework has an argument for) differs from its default."""
    out = {}
    for name, default in DEFAULTS.get(req.function, {}).items():
        given = req.beta if name == "beta" else getattr(req, name)
        fallback = None if default is None else round_value(default, req.format)
        value = fallback if given is None else given
        if name not in honoured and value != fallback:
            raise Unsupported("%s takes no %s; only the default %s" % (req.function, name, fallback))
        out[name] = value
    return out
