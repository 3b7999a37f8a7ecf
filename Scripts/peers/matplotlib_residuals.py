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
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)
import numpy as np  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402

from fit_peer import FitPanel, frame_path, load  # noqa: E402


def main(data_csv, history_csv, manifest_json, out_dir):
    x, y, rows, manifest = load(data_csv, history_csv, manifest_json, out_dir)
    limits = manifest["dataLimits"]

    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    fit = FitPanel(ax, x, y, limits["x"], zorder=1)
    residuals = LineCollection([], colors=[(0xD6 / 255, 0x27 / 255, 0x28 / 255, 0.6)], linewidths=0.8, zorder=0.75)
    ax.add_collection(residuals)
    ax.set_xlim(*limits["x"])
    ax.set_ylim(*limits["y"])

    segments = np.empty((len(x), 2, 2))
    segments[:, 0, 0] = x
    segments[:, 0, 1] = y
    segments[:, 1, 0] = x
    for index, (iteration, slope, intercept, loss) in enumerate(rows):
        segments[:, 1, 1] = slope * x + intercept
        residuals.set_segments(segments)
        fit.show(iteration, slope, intercept, loss)
        fig.savefig(frame_path(out_dir, index, len(rows)), dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
