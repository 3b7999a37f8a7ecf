#!/usr/bin/env python3
"""The render-fit frames workload done the way a skilled matplotlib user would.

    matplotlib_frames.py DATA_CSV HISTORY_CSV MANIFEST_JSON OUT_DIR

Reads the same points (data.csv from `render-fit-bench export-data`), the same parameter
history (render-fit's history.csv) and the same axis limits (render-fit's manifest.json
`dataLimits`); draws the same figure (640x480 at dpi 100, Agg): orange scatter, blue line,
the title with the loss, the equation in the top left, axis labels. The figure is built once;
each frame only updates the line's y data and two texts (`set_ydata`, `set_text`) and calls
`savefig`, one PNG per history row. No blitting tricks beyond that: savefig redraws the
whole canvas, which is what matplotlib does for a file.
"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)

from fit_peer import FitPanel, frame_path, load  # noqa: E402


def main(data_csv, history_csv, manifest_json, out_dir):
    x, y, rows, manifest = load(data_csv, history_csv, manifest_json, out_dir)
    limits = manifest["dataLimits"]

    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    fit = FitPanel(ax, x, y, limits["x"])
    ax.set_xlim(*limits["x"])
    ax.set_ylim(*limits["y"])

    for index, row in enumerate(rows):
        fit.show(*row)
        fig.savefig(frame_path(out_dir, index, len(rows)), dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
