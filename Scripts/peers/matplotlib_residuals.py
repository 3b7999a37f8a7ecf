#!/usr/bin/env python3
"""render-fit --residuals done the way a skilled matplotlib user would.

    matplotlib_residuals.py DATA_CSV HISTORY_CSV MANIFEST_JSON OUT_DIR

Reads the same points (data.csv from `render-fit-bench export-data`), the same parameter
history (history.csv) and the same axis limits (render-fit's manifest.json `dataLimits`);
draws the same figure (640x480 at dpi 100, Agg): orange scatter, the residuals as one
LineCollection of vertical segments under the points (translucent red, 0.8 pt), the blue
line, the title with the loss, the equation in the top left. The figure is built once; each
frame only updates the residuals (`set_segments`), the line (`set_ydata`) and two texts, then
calls `savefig`, one PNG per history row.
"""
import csv
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)
import numpy as np  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402


def main(data_csv, history_csv, manifest_json, out_dir):
    data = np.loadtxt(data_csv, delimiter=",", skiprows=1)
    x, y = data[:, 0], data[:, 1]
    with open(history_csv, newline="") as f:
        rows = [(int(r["iteration"]), float(r["a1"]), float(r["a2"]), float(r["loss"])) for r in csv.DictReader(f)]
    with open(manifest_json) as f:
        limits = json.load(f)["dataLimits"]
    os.makedirs(out_dir, exist_ok=True)

    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    ax.scatter(x, y, color="#ff7f0e", label="data", zorder=1)
    residuals = LineCollection([], colors=[(0xD6 / 255, 0x27 / 255, 0x28 / 255, 0.6)], linewidths=0.8, zorder=0.75)
    ax.add_collection(residuals)
    ax.set_xlim(*limits["x"])
    ax.set_ylim(*limits["y"])
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    line_x = np.array(limits["x"])
    (line,) = ax.plot(line_x, line_x * 0, color="#1f77b4", linewidth=1.5)
    title = ax.set_title("")
    equation = ax.text(0.03, 0.95, "", transform=ax.transAxes, color="#1f77b4", ha="left", va="top")

    segments = np.empty((len(x), 2, 2))
    segments[:, 0, 0] = x
    segments[:, 0, 1] = y
    segments[:, 1, 0] = x
    width = len(str(len(rows) - 1))
    for index, (iteration, slope, intercept, loss) in enumerate(rows):
        segments[:, 1, 1] = slope * x + intercept
        residuals.set_segments(segments)
        line.set_ydata(slope * line_x + intercept)
        title.set_text(f"Iteration {iteration} — loss {loss:.4f}")
        sign = "−" if intercept < 0 else "+"
        equation.set_text(f"y = {slope:.2f}x {sign} {abs(intercept):.2f}")
        fig.savefig(os.path.join(out_dir, f"frame_{index:0{max(4, width)}d}.png"), dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
