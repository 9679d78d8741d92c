#!/usr/bin/env python3
"""PyTorch peer, on the CPU with one thread: torch.softmax, torch.log_softmax, torch.logsumexp,
torch.sigmoid along the last dimension; torch.autograd.functional.jacobian of x -> softmax(beta * x)
for the Jacobian; torch.nn.functional.cross_entropy from logits (a class index for a label, class
probabilities for a target) with autograd for the gradient with respect to x; torch.autograd.grad
of softmax(beta * x) with the request's vector as grad_outputs for softmax-vjp.

t = beta * x in the requested dtype: float16, bfloat16, float32, float64 (all native CPU dtypes).
An empty row is passed to PyTorch as is; whatever it raises is reported.
"""
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tools/
from softmaxref_tools.protocol import Unsupported, serve  # noqa: E402

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

warnings.simplefilter("ignore")
torch.set_num_threads(1)

DTYPES = {"f16": torch.float16, "bf16": torch.bfloat16, "f32": torch.float32, "f64": torch.float64}


def tensor(values, dt):
    # Through float64, which holds every value of the narrower formats exactly.
    return torch.tensor(values, dtype=torch.float64).to(dt)


def answer(req):
    dt = DTYPES[req.format]
    x = tensor(req.input, dt)
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
