"""Parameter variants for `--params`: an activation with α, β, max_value or threshold other than
the defaults, as "FUNCTION:KEY=VALUE[,KEY=VALUE]" (keys alpha, beta, max_value, threshold)."""

from softmaxref_tools.ieee import round_value
from softmaxref_tools.protocol import ACTIVATIONS, format_number

# `--params default`: one departure from the defaults per parameter the frameworks expose.
DEFAULT = ["elu:alpha=0.5", "softplus:beta=2", "swish:beta=1.5", "leaky-relu:alpha=0.2",
           "relu:max_value=6", "relu:threshold=0.5", "relu:alpha=0.1", "relu:alpha=0.1,max_value=6,threshold=-1"]

KEYS = ("alpha", "beta", "max_value", "threshold")
SYMBOL = {"alpha": "α", "beta": "β", "max_value": "max", "threshold": "t"}


class Variant:
    """An activation with parameters: `label` names it in the scoreboard ("elu α=0.5")."""

    def __init__(self, function, params):
        self.function, self.params = function, params
        self.label = function + ("" if not params else " " + ", ".join("%s=%g" % (SYMBOL[k], v) for k, v in params.items()))

    def keys(self, fmt):
        """The request keys: each parameter rounded to the format, as the reference would round it,
        so that the reference and the peer are asked the same question."""
        return {k: format_number(round_value(v, fmt)) for k, v in self.params.items()}


def parse(specs):
    """Variants from specs ("default" expands to DEFAULT); raises ValueError naming a bad one."""
    out = []
    for spec in specs:
        if spec == "default":
            out += parse(DEFAULT)
            continue
        function, _, rest = spec.partition(":")
        if function not in ACTIVATIONS:
            raise ValueError("unknown activation '%s' in --params %s" % (function, spec))
        params = {}
        for item in filter(None, rest.split(",")):
            key, _, value = item.partition("=")
            if key not in KEYS:
                raise ValueError("unknown parameter '%s' in --params %s; expected %s" % (key, spec, ", ".join(KEYS)))
            try:
                params[key] = float(value)
            except ValueError:
                raise ValueError("parameter %s in --params %s is not a number: '%s'" % (key, spec, value)) from None
        out.append(Variant(function, params))
    return out
