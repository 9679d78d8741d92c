"""The 18 elementwise activations of `softmax-ref compute --function`, as `Reference` methods
named as Python identifiers (`log_sigmoid`, `gelu_tanh`, `hard_swish`, ...)."""

import inspect

# Python name -> (protocol name, the parameters it takes). A parameter left as None is not sent,
# so the reference's default applies (leaky_relu's 0.01 rounded to the format, relu's no clip).
ACTIVATIONS = {
    "tanh": ("tanh", ()),
    "softplus": ("softplus", ("beta",)),
    "log_sigmoid": ("log-sigmoid", ()),
    "softsign": ("softsign", ()),
    "exponential": ("exponential", ()),
    "elu": ("elu", ("alpha",)),
    "selu": ("selu", ()),
    "swish": ("swish", ("beta",)),
    "silu": ("silu", ("beta",)),
    "gelu": ("gelu", ()),
    "gelu_tanh": ("gelu-tanh", ()),
    "mish": ("mish", ()),
    "relu": ("relu", ("alpha", "max_value", "threshold")),
    "relu6": ("relu6", ()),
    "leaky_relu": ("leaky-relu", ("alpha",)),
    "hard_sigmoid": ("hard-sigmoid", ()),
    "hard_swish": ("hard-swish", ()),
    "linear": ("linear", ()),
}


def activation_method(name, protocol, params):
    """A Reference method `name(x, *, <params>=None, rounding="nearest")`."""

    def method(self, x, *, rounding="nearest", **given):
        unknown = sorted(set(given) - set(params))
        if unknown:
            raise TypeError("%s() got an unexpected keyword argument %r" % (name, unknown[0]))
        return self._elementwise(protocol, x, given, rounding)

    keyword = inspect.Parameter.KEYWORD_ONLY
    method.__signature__ = inspect.Signature(
        [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD),
         inspect.Parameter("x", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
        + [inspect.Parameter(p, keyword, default=None) for p in params]
        + [inspect.Parameter("rounding", keyword, default="nearest")])
    method.__name__ = method.__qualname__ = name
    method.__doc__ = "The correctly rounded %s of x, elementwise (README, \"Activations\")." % protocol
    return method
