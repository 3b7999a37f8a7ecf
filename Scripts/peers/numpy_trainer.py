#!/usr/bin/env python3
"""The trainer peer: the tutorial's gradient descent written as a numpy user would, float64,
vectorised (X @ a, X.T @ r), on n points for 100 iterations. Prints the median and minimum
wall time in milliseconds of RUNS runs (after one warm-up) and the final loss.

    numpy_trainer.py N [RUNS]
"""
import sys
import time

import numpy as np


def train(X, y, iterations=100, lr=0.1):
    a = np.array([-1.0, 1.0])
    n = len(y)
    loss = 0.0
    for _ in range(iterations + 1):
        r = X @ a - y
        loss = float(r @ r) / n
        grad = (2.0 / n) * (X.T @ r)
        a = a - lr * grad
    return loss


def main():
    n = int(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    rng = np.random.default_rng(42)
    x = rng.uniform(-1, 1, n)
    X = np.column_stack([x, np.ones(n)])
    y = X @ np.array([3.0, 2.0]) + rng.uniform(0, 1, n)
    train(X, y)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        loss = train(X, y)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f"{times[len(times) // 2]:.3f} {times[0]:.3f} {loss:.6f}")


if __name__ == "__main__":
    main()
