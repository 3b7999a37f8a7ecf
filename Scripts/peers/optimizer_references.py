#!/usr/bin/env python3
"""Reference training histories for render-fit's optimizers, computed independently.

For each case (model x optimizer, full batch or mini-batch) this script regenerates the data
set and the initial parameters with its own implementation of the project's seeded generator
(SplitMix64 -> xoshiro256**, DESIGN.md), trains with the update rules exactly as
torch.optim documents them, and writes every row's parameters, loss (on all points) and the
gradient the next update follows:

  numpy.json  numpy float64, vectorised, the rules written out by hand
  torch.json  PyTorch float64 on the CPU with torch.optim (written only if torch imports)

Tests/FitTrainerTests/PeerReferenceTests.swift compares render-fit's histories with both to
1e-9 relative. Run from the repository root:

  python3 Scripts/peers/optimizer_references.py Tests/FitTrainerTests/PeerReferences
"""
import json
import math
import sys

import numpy as np

MASK = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro:
    def __init__(self, seed):
        s = seed
        words = []
        for _ in range(4):
            s, out = splitmix64(s)
            words.append(out)
        self.s = words

    def next(self):
        s0, s1, s2, s3 = self.s
        result = (rotl((s1 * 5) & MASK, 7) * 9) & MASK
        t = (s1 << 17) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        self.s = [s0, s1, s2, s3]
        return result

    def unit(self):
        return float(self.next() >> 11) * 2.0**-53

    def uniform(self, lower, upper):
        return lower + (upper - lower) * self.unit()

    def int_upto(self, bound):
        """Lemire's multiply-and-reject, as Xoshiro256StarStar.nextInt(upToAndIncluding:)."""
        rng = bound + 1
        product = self.next() * rng
        low = product & MASK
        if low < rng:
            threshold = ((1 << 64) - rng) % rng
            while low < threshold:
                product = self.next() * rng
                low = product & MASK
        return product >> 64


def dataset(kind, count, seed):
    g = Xoshiro(seed)
    x = [g.uniform(-1.0, 1.0) for _ in range(count)]
    u = [g.unit() for _ in range(count)]
    if kind == "line":
        y = [3.0 * xi + 2.0 + ui for xi, ui in zip(x, u)]
    elif kind == "quadratic":
        y = [(2 * xi - 1) * xi + 0.5 + (ui - 0.5) / 2 for xi, ui in zip(x, u)]
    else:
        y = [math.sin(math.pi * xi) + 0.4 * (ui - 0.5) for xi, ui in zip(x, u)]
    return np.array(x), np.array(y)


def initial(model, seed):
    if model == "line":
        return [-1.0, 1.0]
    kind, size = model.split(":")
    size = int(size)
    if kind == "poly":
        return [0.0] * (size + 1)
    limit = math.sqrt(6.0 / (1 + size))
    g = Xoshiro(seed)
    w = [g.uniform(-limit, limit) for _ in range(size)]
    v = [g.uniform(-limit, limit) for _ in range(size)]
    return w + [0.0] * size + v + [0.0]


def loss_and_gradient(model, p, x, y):
    n = len(x)
    if model == "line" or model.startswith("poly"):
        degree = len(p) - 1
        X = np.stack([x**(degree - k) for k in range(degree + 1)], axis=1)
        r = X @ p - y
        return float(np.mean(r * r)), (2.0 / n) * (X.T @ r)
    h = (len(p) - 1) // 3
    w, b, v, c = p[:h], p[h:2 * h], p[2 * h:3 * h], p[3 * h]
    T = np.tanh(np.outer(x, w) + b)
    r = T @ v + c - y
    S = r[:, None] * v * (1 - T * T)
    g = np.concatenate([(S * x[:, None]).sum(0), S.sum(0), T.T @ r, [r.sum()]])
    return float(np.mean(r * r)), (2.0 / n) * g


class Schedule:
    def __init__(self, batch, n, seed):
        self.batch, self.n = batch, n
        self.order = list(range(n))
        self.g = Xoshiro(seed)
        self.position = n
        self.epoch = -1

    def next(self):
        if self.position >= self.n:
            for i in range(self.n - 1, 0, -1):
                j = self.g.int_upto(i)
                self.order[i], self.order[j] = self.order[j], self.order[i]
            self.position = 0
            self.epoch += 1
        end = min(self.n, self.position + self.batch)
        batch = self.order[self.position:end]
        self.position = end
        return np.array(batch, dtype=np.int64)


def numpy_history(case, x, y):
    p = np.array(initial(case["model"], 0))
    o = case["optimizer"]
    kind, lr = o["kind"], o["learningRate"]
    state = {"b": np.zeros_like(p), "m": np.zeros_like(p), "v": np.zeros_like(p), "t": 0}
    schedule = Schedule(case["batchSize"], len(x), 0) if case.get("batchSize") else None
    rows = []
    for k in range(case["iterations"] + 1):
        loss, g = loss_and_gradient(case["model"], p, x, y)
        row = {"parameters": p.tolist(), "loss": loss}
        if schedule:
            idx = schedule.next()
            batch_loss, g = loss_and_gradient(case["model"], p, x[idx], y[idx])
            row["epoch"], row["batchLoss"] = schedule.epoch, batch_loss
        row["gradient"] = g.tolist()
        rows.append(row)
        if k == case["iterations"]:
            break
        if kind == "gd":
            p = p - lr * g
        elif kind in ("momentum", "nesterov"):
            mu = o["momentum"]
            state["b"] = mu * state["b"] + g
            d = g + mu * state["b"] if kind == "nesterov" else state["b"]
            p = p - lr * d
        elif kind == "rmsprop":
            a, eps = o["rho"], o["epsilon"]
            state["v"] = a * state["v"] + (1 - a) * (g * g)
            p = p - lr * (g / (np.sqrt(state["v"]) + eps))
        else:
            b1, b2, eps = o["beta1"], o["beta2"], o["epsilon"]
            state["t"] += 1
            t = state["t"]
            state["m"] = b1 * state["m"] + (1 - b1) * g
            state["v"] = b2 * state["v"] + (1 - b2) * (g * g)
            step = lr / (1 - b1**t)
            denom = np.sqrt(state["v"]) / math.sqrt(1 - b2**t) + eps
            p = p - step * (state["m"] / denom)
    return rows


def torch_history(torch, case, x, y):
    tx, ty = torch.tensor(x, dtype=torch.float64), torch.tensor(y, dtype=torch.float64)
    p = torch.tensor(initial(case["model"], 0), dtype=torch.float64, requires_grad=True)
    o = case["optimizer"]
    kind, lr = o["kind"], o["learningRate"]
    if kind == "gd":
        opt = torch.optim.SGD([p], lr=lr)
    elif kind in ("momentum", "nesterov"):
        opt = torch.optim.SGD([p], lr=lr, momentum=o["momentum"], nesterov=kind == "nesterov")
    elif kind == "rmsprop":
        opt = torch.optim.RMSprop([p], lr=lr, alpha=o["rho"], eps=o["epsilon"])
    else:
        opt = torch.optim.Adam([p], lr=lr, betas=(o["beta1"], o["beta2"]), eps=o["epsilon"])
    model = case["model"]

    def predict(xs):
        if model == "line" or model.startswith("poly"):
            degree = p.shape[0] - 1
            return sum(p[k] * xs**(degree - k) for k in range(degree + 1))
        h = (p.shape[0] - 1) // 3
        return torch.tanh(torch.outer(xs, p[:h]) + p[h:2 * h]) @ p[2 * h:3 * h] + p[3 * h]

    schedule = Schedule(case["batchSize"], len(x), 0) if case.get("batchSize") else None
    rows = []
    for k in range(case["iterations"] + 1):
        with torch.no_grad():
            loss = float(((predict(tx) - ty)**2).mean())
        row = {"parameters": p.detach().tolist(), "loss": loss}
        opt.zero_grad()
        if schedule:
            idx = torch.tensor(schedule.next())
            batch_loss = ((predict(tx[idx]) - ty[idx])**2).mean()
            batch_loss.backward()
            row["epoch"], row["batchLoss"] = schedule.epoch, float(batch_loss)
        else:
            ((predict(tx) - ty)**2).mean().backward()
        row["gradient"] = p.grad.detach().tolist()
        rows.append(row)
        if k == case["iterations"]:
            break
        opt.step()
    return rows


def cases():
    optimizers = {
        "gd": {"kind": "gd", "learningRate": 0.1},
        "momentum": {"kind": "momentum", "learningRate": 0.05, "momentum": 0.9},
        "nesterov": {"kind": "nesterov", "learningRate": 0.05, "momentum": 0.9},
        "rmsprop": {"kind": "rmsprop", "learningRate": 0.01, "rho": 0.99, "epsilon": 1e-8},
        "adam": {"kind": "adam", "learningRate": 0.05, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8},
    }
    models = [("line", "line"), ("poly:3", "quadratic"), ("mlp:4", "sine")]
    out = []
    for model, data in models:
        for name, o in optimizers.items():
            if model.startswith("mlp") and name == "rmsprop":
                # At lr 0.01 RMSprop's steps of about ±lr/sqrt(1 - rho) make this network's
                # trajectory chaotic: rounding differences of 1e-16 grow past 1e-9 within 60
                # steps for any two implementations. A smaller step keeps the test about the rule.
                o = dict(o, learningRate=0.002)
            out.append({"name": f"{model} {name}", "model": model, "dataset": data, "points": 100,
                        "seed": 42, "iterations": 60, "optimizer": o})
    out.append({"name": "line adam batch 16", "model": "line", "dataset": "line", "points": 100, "seed": 42,
                "iterations": 40, "batchSize": 16, "optimizer": optimizers["adam"]})
    out.append({"name": "mlp:4 momentum batch 32", "model": "mlp:4", "dataset": "sine", "points": 100,
                "seed": 42, "iterations": 40, "batchSize": 32, "optimizer": optimizers["momentum"]})
    return out


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "."
    results = []
    for case in cases():
        x, y = dataset(case["dataset"], case["points"], case["seed"])
        results.append(dict(case, rows=numpy_history(case, x, y)))
    with open(f"{folder}/numpy.json", "w") as f:
        json.dump({"generator": "numpy " + np.__version__, "cases": results}, f, indent=0)
    try:
        import torch
    except ImportError:
        print("torch is not installed: torch.json not written", file=sys.stderr)
        return
    torch.set_default_dtype(torch.float64)
    results = []
    for case in cases():
        x, y = dataset(case["dataset"], case["points"], case["seed"])
        results.append(dict(case, rows=torch_history(torch, case, x, y)))
    with open(f"{folder}/torch.json", "w") as f:
        json.dump({"generator": "torch " + torch.__version__, "cases": results}, f, indent=0)


if __name__ == "__main__":
    main()
