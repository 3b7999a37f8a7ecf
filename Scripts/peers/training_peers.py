#!/usr/bin/env python3
"""Training-loop peers for Scripts/bench.sh: the same steps render-fit takes, written as a
numpy or PyTorch user would (float64, vectorised), timed around the training loop alone
(imports and data set-up excluded). Prints the median and minimum milliseconds of RUNS runs
after one warm-up, and the final loss.

    training_peers.py line-numpy  gd|momentum|adam N STEPS RUNS
    training_peers.py mlp-numpy   H N STEPS RUNS        (Adam, lr 0.01)
    training_peers.py mlp-torch   H N STEPS RUNS        (torch.optim.Adam, default threads)
"""
import math
import sys
import time

import numpy as np


def line_numpy(kind, x, y, steps, lr=0.05):
    X = np.column_stack([x, np.ones_like(x)])
    n = len(y)
    a = np.array([-1.0, 1.0])
    b = np.zeros(2)
    m = np.zeros(2)
    v = np.zeros(2)
    loss = 0.0
    for t in range(1, steps + 2):
        r = X @ a - y
        loss = float(r @ r) / n
        g = (2.0 / n) * (X.T @ r)
        if t == steps + 1:
            break
        if kind == "gd":
            a = a - lr * g
        elif kind == "momentum":
            b = 0.9 * b + g
            a = a - lr * b
        else:
            m = 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * (g * g)
            a = a - (lr / (1 - 0.9**t)) * (m / (np.sqrt(v) / math.sqrt(1 - 0.999**t) + 1e-8))
    return loss


def mlp_numpy(h, x, y, steps, lr=0.01):
    rng = np.random.default_rng(0)
    limit = math.sqrt(6.0 / (1 + h))
    w, v = rng.uniform(-limit, limit, h), rng.uniform(-limit, limit, h)
    p = np.concatenate([w, np.zeros(h), v, [0.0]])
    m = np.zeros_like(p)
    s = np.zeros_like(p)
    n = len(y)
    xc = x[:, None]
    loss = 0.0
    for t in range(1, steps + 2):
        w, b, v, c = p[:h], p[h:2 * h], p[2 * h:3 * h], p[3 * h]
        T = np.tanh(xc * w + b)
        r = T @ v + c - y
        loss = float(r @ r) / n
        S = r[:, None] * v * (1 - T * T)
        g = (2.0 / n) * np.concatenate([(xc.T @ S).ravel(), S.sum(0), T.T @ r, [r.sum()]])
        if t == steps + 1:
            break
        m = 0.9 * m + 0.1 * g
        s = 0.999 * s + 0.001 * (g * g)
        p = p - (lr / (1 - 0.9**t)) * (m / (np.sqrt(s) / math.sqrt(1 - 0.999**t) + 1e-8))
    return loss


def mlp_torch(h, x, y, steps, lr=0.01):
    import torch
    torch.set_default_dtype(torch.float64)
    tx, ty = torch.tensor(x), torch.tensor(y)
    gen = torch.Generator().manual_seed(0)
    limit = math.sqrt(6.0 / (1 + h))
    w = ((torch.rand(h, generator=gen) * 2 - 1) * limit).requires_grad_()
    v = ((torch.rand(h, generator=gen) * 2 - 1) * limit).requires_grad_()
    b = torch.zeros(h, requires_grad=True)
    c = torch.zeros(1, requires_grad=True)
    opt = torch.optim.Adam([w, b, v, c], lr=lr)
    loss = None
    for step in range(steps + 1):
        opt.zero_grad()
        loss = ((torch.tanh(torch.outer(tx, w) + b) @ v + c - ty) ** 2).mean()
        loss.backward()
        if step < steps:
            opt.step()
    return float(loss)


def data(kind, n):
    rng = np.random.default_rng(42)
    x = rng.uniform(-1, 1, n)
    if kind == "line":
        return x, 3 * x + 2 + rng.uniform(0, 1, n)
    return x, np.sin(np.pi * x) + 0.4 * (rng.uniform(0, 1, n) - 0.5)


def main():
    mode = sys.argv[1]
    if mode == "line-numpy":
        kind, n, steps, runs = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
        x, y = data("line", n)
        body = lambda: line_numpy(kind, x, y, steps)
    else:
        h, n, steps, runs = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
        x, y = data("sine", n)
        if mode == "mlp-torch":
            import torch  # noqa: F401  (imported before timing)
            body = lambda: mlp_torch(h, x, y, steps)
        else:
            body = lambda: mlp_numpy(h, x, y, steps)
    body()
    times = []
    loss = 0.0
    for _ in range(runs):
        start = time.perf_counter()
        loss = body()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f"{times[len(times) // 2]:.3f} {times[0]:.3f} {loss:.6f}")


if __name__ == "__main__":
    main()
