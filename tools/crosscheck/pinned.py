"""Exact and boundary cases added for every format and mode."""

from .generator import BIG
from .ieee import INF, NAN, in_fmt
from .row import FUNCTIONS, Row


def pinned(f, mode):
    """Exact and boundary cases, for every format and mode."""
    rows = []

    def add(fn, xs, beta=1.0, base=None, label=None, target=None, vector=None):
        if fn == "softmax-vjp" and vector is None:
            vector = [float((3 * i) % 5 - 2) for i in range(len(xs))]
        rows.append(Row(fn, f, mode, [in_fmt(x, f) for x in xs], beta, base, label, target,
                        None if vector is None else [in_fmt(x, f) for x in vector]))

    for fn in FUNCTIONS:
        lab = 0 if fn == "cross-entropy" else None
        add(fn, [1.5], label=lab)  # n = 1
        add(fn, [0.0], label=lab)
        add(fn, [-0.0], label=lab)
        add(fn, [2.0] * 3 if fn == "jacobian" else [2.0] * 7, label=lab)  # all equal
        add(fn, [0.0, 0.0, 1.0], base=2.0, label=lab)  # base 2 exact powers
        add(fn, [1.0, 2.0, 3.0, 0.0], base=2.0, label=lab)
        add(fn, [-1.0, -1.0], base=2.0, label=lab)
        add(fn, [-2.0, -2.0, -2.0, -2.0], base=2.0, label=lab)
        add(fn, [0.0, 2.0], beta=0.5, base=2.0, label=lab)
        add(fn, [1.0, 3.0, -2.0], beta=0.0, label=lab)  # uniform
        add(fn, [0.0, 1.0], base=10.0, label=lab)
        add(fn, [1.0, -INF, 2.0], label=lab)
        add(fn, [1.0, INF, INF], label=lab)
        add(fn, [-INF, -INF], label=lab)
        add(fn, [1.0, NAN], label=lab)
        add(fn, [1.0, -INF], beta=0.0, label=lab)
        add(fn, [BIG[f.name], -BIG[f.name]], label=lab)
        add(fn, [123.0, 456.0, 789.0], label=lab)
        add(fn, [1.0, 2.0, 3.0, 4.0, 1.0, 2.0, 3.0], label=lab)
    add("sigmoid", [0.0, -0.0, 1.0, -1.0, 2.0, -INF, INF, NAN])
    add("sigmoid", [0.0, 1.0, -1.0, 3.0], base=2.0)
    add("logsumexp", [-1.0, -1.0, -2.0, -2.0], base=2.0)
    add("cross-entropy", [0.0, 0.0, 1.0], base=2.0, target=[0.25, 0.25, 0.5])
    add("cross-entropy", [1.0, 2.0, 3.0], target=[0.5, 0.5, 0.0])
    add("cross-entropy", [1.0, -INF, 3.0], target=[0.5, 0.0, 0.5])
    add("cross-entropy", [0.0, 0.0, 0.0], beta=3.0, label=0)  # c * (1 - 1/3) = 2 exactly
    add("cross-entropy", [INF, INF, INF], beta=3.0, label=1)
    add("jacobian", [0.0, 0.0, 0.0], beta=4.5)  # 4.5 * (1/3)(2/3) = 1 exactly
    add("cross-entropy", [0.0, min(1e5, BIG[f.name])], label=0)  # 1 - s_0 = 1 - e^-huge
    # Rational powers of a base: 9^(1/2) = 3, 4^(x/2) = 2^x, (1/4)^(1/2) = 1/2; LSE_9 of [-1/2]*3 = 0.
    add("logsumexp", [-0.5, -0.5, -0.5], base=9.0)
    add("logsumexp", [-0.5, -0.5, -0.5, -min(1e4, BIG[f.name])], base=9.0)
    for fn in ("softmax", "log-softmax", "jacobian", "sigmoid"):
        add(fn, [0.5, 0.0], base=9.0)
        add(fn, [3.0, 1.0, 0.0], beta=0.5, base=4.0)
        add(fn, [0.0, 1.0], beta=0.5, base=0.25)
        add(fn, [0.0, -min(5e4, BIG[f.name]), -1.0], base=2.0)
        add(fn, [0.5, 0.0, -min(1e4, BIG[f.name])], base=9.0)
    add("cross-entropy", [0.5, 0.0], base=9.0, label=1)
    add("cross-entropy", [1.0, 0.0], target=[1.0, -1.0])
    # softmax-vjp with huge gaps: the head cancels and the tails decide the sign and the size.
    add("softmax-vjp", [min(5e4, BIG[f.name]), 0.0, -1.0], base=2.0, vector=[0.0, 1.0, -1.0])
    add("softmax-vjp", [min(1e4, BIG[f.name]), 0.0, -1.0], vector=[1.0, 1.0, -1.0])
    add("softmax-vjp", [0.0, -min(5e4, BIG[f.name]), -min(5e4, BIG[f.name]) - 1], base=2.0, vector=[2.0, 2.0, 0.5])
    add("softmax-vjp", [1.0, 0.0, -1.0], base=2.0, vector=[0.0, 1.0, -2.0])  # exactly 0 (rational weights)
    add("softmax-vjp", [1.0, 0.5, -0.5], base=2.0, vector=[0.0, 1.0, -2.0])  # 0: cancels in the class of 2^-0.5
    add("softmax-vjp", [3.0, 3.0, 0.0], beta=0.5, vector=[1.0, 1.0, 1.0])  # v constant: exactly 0
    add("softmax-vjp", [1.0, 2.0, 3.0], vector=[1.0, 0.0, 0.0])
    return rows
