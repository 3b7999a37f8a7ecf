#!/usr/bin/env python3
"""The --residuals rows of Scripts/bench.sh: cost per frame of `render-fit --residuals` at
10,000 and 100,000 points, and against matplotlib drawing the same segments with a
LineCollection (Scripts/peers/matplotlib_residuals.py).

    residuals_bench.py --render-fit BIN --bench BIN --work DIR [--runs N] [--peer-python PY]

Per-frame cost = (wall time of a run with --long iterations − wall time with --short
iterations) / (long − short), 12 and 2 by default: start-up, data generation, training and the static layer cancel out. Whole
processes, one thread each (render-fit --jobs 1; matplotlib draws on one), A/B interleaved,
medians of --runs.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def wall(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--render-fit", required=True)
    p.add_argument("--bench", required=True, help="render-fit-bench (for export-data)")
    p.add_argument("--work", required=True)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--peer-python")
    p.add_argument("--points", type=int, nargs="*", default=[10_000, 100_000])
    p.add_argument("--short", type=int, default=2, help="iterations of the short run (SHORT + 1 frames)")
    p.add_argument("--long", type=int, default=12, help="iterations of the long run")
    args = p.parse_args()
    SHORT, LONG = args.short, args.long
    per_frame = {}
    for n in args.points:
        ours = {}
        theirs = {}
        for iterations in (SHORT, LONG):
            out = os.path.join(args.work, f"residuals-{n}-{iterations}")
            ours[iterations] = [
                args.render_fit, "--out", out, "--points", str(n), "--iterations", str(iterations),
                "--residuals", "--jobs", "1", "--quiet"]
            if args.peer_python:
                data = os.path.join(args.work, f"residuals-data-{n}-{iterations}")
                subprocess.run(
                    [args.bench, "export-data", "--out", data, "--points", str(n), "--iterations", str(iterations)],
                    check=True, stdout=subprocess.DEVNULL)
                wall(ours[iterations])  # writes the manifest whose limits the peer reads
                theirs[iterations] = [
                    args.peer_python, os.path.join(HERE, "matplotlib_residuals.py"),
                    os.path.join(data, "data.csv"), os.path.join(data, "history.csv"),
                    os.path.join(out, "manifest.json"), os.path.join(args.work, f"mpl-residuals-{n}-{iterations}")]
        times = {key: [] for key in ("ours-short", "ours-long", "mpl-short", "mpl-long")}
        for run in range(args.runs + 1):  # the first round is an untimed warm-up
            sample = {"ours-short": wall(ours[SHORT]), "ours-long": wall(ours[LONG])}
            if args.peer_python:
                sample["mpl-short"] = wall(theirs[SHORT])
                sample["mpl-long"] = wall(theirs[LONG])
            if run > 0:
                for key, value in sample.items():
                    times[key].append(value)
        frames = LONG - SHORT
        ours_frame = (statistics.median(times["ours-long"]) - statistics.median(times["ours-short"])) / frames
        per_frame[n] = ours_frame
        line = f"{n:>7} points: render-fit --residuals {ours_frame * 1000:8.1f} ms/frame"
        if args.peer_python:
            mpl_frame = (statistics.median(times["mpl-long"]) - statistics.median(times["mpl-short"])) / frames
            line += f", matplotlib LineCollection {mpl_frame * 1000:8.1f} ms/frame, ratio {mpl_frame / ours_frame:5.1f}x"
            if n == 100_000:
                met = mpl_frame / ours_frame >= 5
                line += f" (target >= 5x: {'met' if met else 'MISSED'})"
        print(line, flush=True)
    if 10_000 in per_frame and 100_000 in per_frame:
        growth = per_frame[100_000] / per_frame[10_000]
        print(
            f"10,000 -> 100,000 points: {growth:.1f}x per frame (target <= 12x: {'met' if growth <= 12 else 'MISSED'})")


if __name__ == "__main__":
    sys.exit(main())
