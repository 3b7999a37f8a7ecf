#!/usr/bin/env python3
"""The training rows of Scripts/bench.sh (issue 12): render-fit against numpy and PyTorch.

    training_ratios.py --render-fit BIN --bench-json FILE --work DIR [--runs N] [--torch]

- mlp:16, 10,000 points, 1,000 full-batch Adam steps: the whole `render-fit --history`
  process (wall time, data generation, training and the CSV included) against the peers'
  training loops alone (training_peers.py; imports and data set-up excluded). Run A/B
  interleaved; medians.
- line, 1,000,000 points x 100 steps, gd / momentum / adam: render-fit-bench's in-process
  trainer (group "optimizers", data generation not timed) against the numpy loop.
- malloc calls of a --batch-size 32 run of 1,000 and of 2,000 steps (equal: no allocation
  per step), from the same bench JSON when malloc_count.so was preloaded.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def wall(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def peer(args):
    out = subprocess.run([sys.executable, os.path.join(HERE, "training_peers.py")] + args, check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[0])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--render-fit", required=True)
    p.add_argument("--bench-json", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--torch", action="store_true")
    args = p.parse_args()
    with open(args.bench_json) as f:
        bench = [r for r in json.load(f) if r["group"] == "optimizers"]
    rows = []

    history = os.path.join(args.work, "mlp.csv")
    ours_cmd = [args.render_fit, "--history", history, "--force", "--quiet", "--model", "mlp:16", "--dataset", "sine",
                "--points", "10000", "--optimizer", "adam", "--learning-rate", "0.01", "--iterations", "1000"]
    peers = [("numpy", "mlp-numpy")] + ([("PyTorch", "mlp-torch")] if args.torch else [])
    wall(ours_cmd)
    ours, theirs = [], {name: [] for name, _ in peers}
    for _ in range(args.runs):
        ours.append(wall(ours_cmd))
        for name, mode in peers:
            theirs[name].append(peer([mode, "16", "10000", "1000", "1"]))
    t_ours = statistics.median(ours)
    for name, _ in peers:
        t = statistics.median(theirs[name])
        rows.append((f"mlp:16, 10,000 points, 1,000 Adam steps: {name} loop / render-fit whole process", "≥ 3×",
                     f"{t / t_ours:.1f}× ({t:.0f} ms / {t_ours:.0f} ms)", t / t_ours >= 3))
    if not args.torch:
        rows.append(("mlp:16 ...: PyTorch loop / render-fit whole process", "≥ 3×", "not run (pip install torch)", None))

    for kind in ["gd", "momentum", "adam"]:
        ours_row = next(r for r in bench if r["name"] == f"line {kind} 1000000 points x 100")
        t_ours = ours_row["medianMilliseconds"]
        t_numpy = peer(["line-numpy", kind, "1000000", "100", str(args.runs)])
        rows.append((f"line, 1,000,000 points x 100 steps, {kind}: numpy / ours (training alone)", "≥ 2×",
                     f"{t_numpy / t_ours:.1f}× ({t_numpy:.1f} ms / {t_ours:.1f} ms)", t_numpy / t_ours >= 2))

    counts = next((r for r in bench if r["name"] == "malloc calls, batch 32"), None)
    if counts:
        c = counts["extra"]
        same = all(c[f"{m} 1000 steps"] == c[f"{m} 2000 steps"] for m in ["line", "mlp:8"])
        rows.append(("--batch-size 32, 4,000 points: malloc calls of a 1,000-step run / of a 2,000-step run (line; mlp:8)",
                     "equal (no allocation per step)",
                     f"{c['line 1000 steps']:.0f} / {c['line 2000 steps']:.0f}; "
                     f"{c['mlp:8 1000 steps']:.0f} / {c['mlp:8 2000 steps']:.0f}", same))

    print("| measure | target | measured | |")
    print("|---|---|---|---|")
    for measure, target, measured, met in rows:
        verdict = "met" if met is True else ("MISSED" if met is False else "—")
        print(f"| {measure} | {target} | {measured} | {verdict} |")


if __name__ == "__main__":
    main()
