#!/usr/bin/env python3
"""PyTorch peer, on the CPU with one thread: torch.softmax, torch.log_softmax, torch.logsumexp,
torch.sigmoid along the last dimension; torch.autograd.functional.jacobian of x -> softmax(beta * x)
for the Jacobian; torch.nn.functional.cross_entropy from logits (a class index for a label, class
probabilities for a target) with autograd for the gradient with respect to x; torch.autograd.grad
of softmax(beta * x) with the request's vector as grad_outputs for softmax-vjp.

t = beta * x in the requested dtype: float16, bfloat16, float32, float64 (all native CPU dtypes).
An empty row is passed to PyTorch as is; whatever it raises is reported.

Activations, torch.nn.functional on a tensor of the dtype: torch.tanh, F.softplus (beta; its
default threshold 20, above which it returns x), F.logsigmoid, F.softsign, torch.exp, F.elu
(alpha), F.selu, F.silu (swish, silu), F.gelu (approximate 'none'; 'tanh' for gelu-tanh),
F.mish, F.relu, F.relu6, F.leaky_relu (negative_slope), F.hardsigmoid, F.hardswish, x itself
for linear. Parameters are Python floats holding the request's values; swish with β ≠ 1 and relu's
alpha, max_value and threshold are unsupported (F.silu and F.relu have no such arguments).
"""
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tools/
from softmaxref_tools.activations import parameters  # noqa: E402
from softmaxref_tools.protocol import Unsupported  # noqa: E402
from packed import serve  # noqa: E402  (the plain and the packed form)

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

warnings.simplefilter("ignore")
torch.set_num_threads(1)

DTYPES = {"f16": torch.float16, "bf16": torch.bfloat16, "f32": torch.float32, "f64": torch.float64}


def tensor(values, dt):
    # Through float64, which holds every value of the narrower formats exactly.
    return torch.tensor(values, dtype=torch.float64).to(dt)


# name -> function of (x, parameters); the second item: the parameters F has arguments for
ACTIVATION = {
    "tanh": (lambda x, p: torch.tanh(x), ()),
    "softplus": (lambda x, p: F.softplus(x, beta=p["beta"]), ("beta",)),
    "log-sigmoid": (lambda x, p: F.logsigmoid(x), ()),
    "softsign": (lambda x, p: F.softsign(x), ()),
    "exponential": (lambda x, p: torch.exp(x), ()),
    "elu": (lambda x, p: F.elu(x, alpha=p["alpha"]), ("alpha",)),
    "selu": (lambda x, p: F.selu(x), ()),
    "swish": (lambda x, p: F.silu(x), ()),
    "silu": (lambda x, p: F.silu(x), ()),
    "gelu": (lambda x, p: F.gelu(x, approximate="none"), ()),
    "gelu-tanh": (lambda x, p: F.gelu(x, approximate="tanh"), ()),
    "mish": (lambda x, p: F.mish(x), ()),
    "relu": (lambda x, p: F.relu(x), ()),
    "relu6": (lambda x, p: F.relu6(x), ()),
    "leaky-relu": (lambda x, p: F.leaky_relu(x, negative_slope=p["alpha"]), ("alpha",)),
    "hard-sigmoid": (lambda x, p: F.hardsigmoid(x), ()),
    "hard-swish": (lambda x, p: F.hardswish(x), ()),
    "linear": (lambda x, p: x, ()),
}


def answer(req):
    dt = DTYPES[req.format]
    x = tensor(req.input, dt)
    if req.function in ACTIVATION:
        fn, honoured = ACTIVATION[req.function]
        with torch.no_grad():
            return fn(x, parameters(req, honoured=honoured))
    beta = tensor(req.beta, dt)
    f = req.function
    if f == "softmax":
        out = torch.softmax(beta * x, dim=-1)
    elif f == "log-softmax":
        out = torch.log_softmax(beta * x, dim=-1)
    elif f == "logsumexp":
        out = torch.logsumexp(beta * x, dim=-1).reshape(1)
    elif f == "sigmoid":
        out = torch.sigmoid(beta * x)
    elif f == "jacobian":
        out = torch.autograd.functional.jacobian(lambda v: torch.softmax(beta * v, dim=-1), x)
    elif f == "cross-entropy":
        x.requires_grad_(True)
        logits = (beta * x).unsqueeze(0)
        if req.target is None:
            target = torch.tensor([req.label], dtype=torch.long)
        else:
            target = tensor(req.target, dt).unsqueeze(0)
        loss = F.cross_entropy(logits, target)
        loss.backward()
        return {"output": loss.detach().reshape(1).to(torch.float64), "gradient": x.grad.to(torch.float64)}
    elif f == "softmax-vjp":
        x.requires_grad_(True)
        s = torch.softmax(beta * x, dim=-1)
        (out,) = torch.autograd.grad(s, x, grad_outputs=tensor(req.vector, dt))
    else:
        raise Unsupported(f)
    if out.dtype != dt:
        out = out.to(dt)
    return out.detach().to(torch.float64)


if __name__ == "__main__":
    serve(answer, name="torch %s" % torch.__version__)
