"""Seeded random rows: the input families, the functions, beta, bases, labels, targets, vectors."""

import math
import random

from .ieee import INF, NAN, in_fmt, next_down, next_up
from .row import Row

BIG = {"f64": 1e300, "f32": 1e38, "bf16": 1e38, "f16": 6e4}


class Generator:
    def __init__(self, seed, f):
        self.r = random.Random(seed)
        self.f = f

    def small_n(self):
        u = self.r.random()
        if u < 0.08:
            return 1
        if u < 0.5:
            return self.r.randint(2, 4)
        if u < 0.9:
            return self.r.randint(5, 16)
        return self.r.randint(17, 64)

    def v(self, x):
        return in_fmt(x, self.f)

    def family(self, name, n):
        r, f, v = self.r, self.f, self.v
        big = BIG[f.name]
        if name == "random":
            s = r.choice([0.5, 2.0, 10.0, 100.0])
            return [v(r.gauss(0, s)) for _ in range(n)]
        if name == "integers":
            return [float(r.randint(-8, 8)) for _ in range(n)]
        if name == "ties":
            x = v(r.choice([0.0, 1.0, -3.5, r.gauss(0, 10), r.uniform(-big, big)]))
            return [x] * n
        if name == "maxties":
            top = v(r.gauss(0, 5))
            k = r.randint(2, max(2, n))
            xs = [top] * k + [v(top - abs(r.gauss(0, 5)) - 0.5) for _ in range(max(0, n - k))]
            r.shuffle(xs)
            return xs
        if name == "near_ties":
            x0 = v(r.choice([1.0, -2.0, 0.1, 7.25, r.gauss(0, 100)]))
            xs = []
            for _ in range(n):
                x = x0
                for _ in range(r.randint(0, 2)):
                    x = next_up(x, f) if r.random() < 0.5 else next_down(x, f)
                xs.append(x)
            return xs
        if name == "huge":
            return [v(r.choice([1, -1]) * big * r.random()) if r.random() < 0.6 else v(r.gauss(0, 3))
                    for _ in range(n)]
        if name == "dominant":
            gap = r.choice([5.0, 30.0, 100.0, 745.0, 1e4, big / 2])
            base = [v(r.gauss(0, 2)) for _ in range(n)]
            i = r.randrange(n)
            base[i] = v(max(base) + gap)
            return base
        if name == "subnormal":
            out = []
            for _ in range(n):
                u = r.random()
                if u < 0.15:
                    out.append(r.choice([0.0, -0.0]))
                elif u < 0.7:
                    out.append(r.choice([1, -1]) * math.ldexp(r.randint(1, (1 << (f.p - 1)) - 1), f.qmin))
                else:
                    out.append(v(r.gauss(0, 1) * math.ldexp(1, f.emin + r.randint(0, 8))))
            return out
        if name == "long":
            s = r.choice([1.0, 10.0])
            return [v(r.gauss(0, s)) for _ in range(n)]
        if name == "nonfinite":
            xs = [v(r.gauss(0, 3)) for _ in range(n)]
            for i in range(n):
                u = r.random()
                if u < 0.3:
                    xs[i] = -INF
                elif u < 0.36:
                    xs[i] = INF
                elif u < 0.38:
                    xs[i] = NAN
            return xs
        if name == "mixed_scale":
            return [v(r.choice([1, -1]) * r.random() * math.ldexp(1, r.randint(f.emin - 4, f.emax)))
                    for _ in range(n)]
        if name == "tiny_spread":
            x0 = v(r.choice([1000.0, -1000.0, 1.0, 1e-3, 60.0]))
            xs = [x0]
            for _ in range(n - 1):
                xs.append(v(x0 + r.gauss(0, 1) * abs(x0) * 2.0 ** (-f.p + r.randint(0, 6))))
            return xs
        raise ValueError(name)

    FAMILIES = [("random", 28), ("integers", 8), ("ties", 7), ("maxties", 6), ("near_ties", 8), ("huge", 7),
                ("dominant", 8), ("subnormal", 6), ("long", 2), ("nonfinite", 6), ("mixed_scale", 6),
                ("tiny_spread", 5)]
    FUNCS = [("softmax", 28), ("log-softmax", 20), ("logsumexp", 15), ("sigmoid", 15), ("jacobian", 10),
             ("cross-entropy", 12), ("softmax-vjp", 10)]

    def pick(self, table):
        total = sum(w for _, w in table)
        u = self.r.random() * total
        for name, w in table:
            u -= w
            if u < 0:
                return name
        return table[-1][0]

    def row(self, mode, functions):
        r = self.r
        fam = self.pick(self.FAMILIES)
        fn = self.pick(self.FUNCS)
        while fn not in functions:
            fn = self.pick(self.FUNCS)
        if fam == "long":
            n = r.randint(100, 1000)
        elif fam == "ties" and r.random() < 0.2:
            n = r.choice([255, 256, 257, 300])
        else:
            n = self.small_n()
        if fn == "jacobian":
            n = min(n, r.randint(1, 6))
        if fn in ("sigmoid", "softmax-vjp"):
            n = min(n, 64)  # the VJP model sums over groups for every output: n² mpmath terms
        xs = self.family(fam, n)
        n = len(xs)
        beta = 1.0 if r.random() < 0.72 else r.choice([0.0, -1.0, 0.5, 3.0, 0.25, 1.5, -0.75])
        u = r.random()
        base = None if u < 0.8 else r.choice([2.0, 2.0, 10.0, 4.0, 8.0, 9.0, 0.5, 27.0])
        label = target = None
        if fn == "cross-entropy":
            if r.random() < 0.75:
                label = r.randrange(n)
            else:
                w = [r.random() for _ in range(n)]
                tot = sum(w)
                target = [self.v(x / tot) for x in w]
                if r.random() < 0.3:
                    target[r.randrange(n)] = 0.0
        vector = None
        if fn == "softmax-vjp":
            # Small integers and halves: ties between entries make cancelling groups likely.
            vector = [self.v(r.choice([-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0])) for _ in range(n)]
        return Row(fn, self.f, mode, xs, beta, base, label, target, vector), fam
