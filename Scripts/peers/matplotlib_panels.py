#!/usr/bin/env python3
"""The three-panel frames workload (`render-fit --panels fit,loss,landscape`) done the way a
skilled matplotlib user would.

    matplotlib_panels.py DATA_CSV HISTORY_CSV MANIFEST_JSON OUT_DIR

Reads the same points (data.csv from `render-fit-bench export-data`), the same parameter
history (history.csv) and the same panel geometry (render-fit's manifest.json `panels`: each
panel's plot area in pixels and its limits and scales), and draws the same three panels on a
1920x480 figure at dpi 100 (Agg), each axes placed exactly where render-fit puts it:

- fit: orange scatter, blue line, the title with the loss, the equation in the top left;
- loss: the whole loss curve faint (drawn once), the part up to the current iteration strong
  and the current point (`set_data`, `set_offsets`), log y when the manifest says so;
- landscape: the MSE over (a1, a2) on a grid of one cell per pixel of the plot area, computed
  with numpy from XᵀX, Xᵀy, yᵀy; `contourf` (viridis) and `contour` lines at the same levels as
  render-fit (the minimum plus 1, 2, 5 × 10^k of the excess, from 10⁻³ of the range), drawn
  once; the least-squares optimum; per frame the path (`set_data`), the current point
  (`set_offsets`) and the next step as a quiver arrow (`set_offsets`, `set_UVC`).

The figure is built once; each frame updates only the artists that change and calls
`savefig`, one PNG per history row. savefig redraws the whole canvas, which is what
matplotlib does for a file.
"""
import math
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.colors  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)
import numpy as np  # noqa: E402

from fit_peer import BLUE, FitPanel, frame_path, load  # noqa: E402


def levels_for(low, high):
    span = high - low
    if not (span > 0 and math.isfinite(span)):
        return []
    lowest = span * 1e-3
    decade = 10.0 ** math.floor(math.log10(lowest))
    levels = []
    while decade <= span:
        for mantissa in (1.0, 2.0, 5.0):
            value = decade * mantissa
            if lowest <= value < span:
                levels.append(low + value)
        decade *= 10
    return levels


def axes_at(fig, panel, width, height):
    a = panel["plotArea"]
    ax = fig.add_axes([a["x"] / width, 1 - (a["y"] + a["height"]) / height, a["width"] / width, a["height"] / height])
    ax.set_xlim(*panel["dataLimits"]["x"])
    ax.set_ylim(*panel["dataLimits"]["y"])
    if panel["yScale"] == "log10":
        ax.set_yscale("log")
        ax.set_ylim(*panel["dataLimits"]["y"])
    return ax


def main(data_csv, history_csv, manifest_json, out_dir):
    x, y, rows, manifest = load(data_csv, history_csv, manifest_json, out_dir)
    panels = {p["name"]: p for p in manifest["panels"]}
    width, height = manifest["image"]["width"], manifest["image"]["height"]
    iterations = np.array([r[0] for r in rows], dtype=float)
    a1 = np.array([r[1] for r in rows])
    a2 = np.array([r[2] for r in rows])
    losses = np.array([r[3] for r in rows])

    fig = plt.figure(figsize=(width / 100, height / 100), dpi=100)

    # Fit panel.
    fit = FitPanel(axes_at(fig, panels["fit"], width, height), x, y, panels["fit"]["dataLimits"]["x"])

    # Loss panel.
    ax = axes_at(fig, panels["loss"], width, height)
    ax.plot(iterations, losses, color=BLUE, alpha=0.35, linewidth=1)
    (loss_line,) = ax.plot([], [], color=BLUE, linewidth=2)
    loss_point = ax.scatter([iterations[0]], [losses[0]], s=49, color=BLUE, edgecolors="white", zorder=3)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("iteration")
    ax.set_ylabel("loss (MSE), log scale" if panels["loss"]["yScale"] == "log10" else "loss (MSE)")
    ax.set_title("Loss curve")

    # Landscape panel: the quadratic form on one cell per pixel, contours drawn once.
    panel = panels["landscape"]
    ax = axes_at(fig, panel, width, height)
    columns = math.ceil(panel["plotArea"]["width"])
    lines = math.ceil(panel["plotArea"]["height"])
    (x0, x1), (y0, y1) = panel["dataLimits"]["x"], panel["dataLimits"]["y"]
    u = x0 + (np.arange(columns) + 0.5) / columns * (x1 - x0)
    v = y0 + (np.arange(lines) + 0.5) / lines * (y1 - y0)
    uu, vv = np.meshgrid(u, v)
    design = np.column_stack([x, np.ones_like(x)])
    gram = design.T @ design / len(x)
    moment = design.T @ y / len(x)
    mean_square = y @ y / len(x)
    surface = gram[0, 0] * uu * uu + 2 * gram[0, 1] * uu * vv + gram[1, 1] * vv * vv
    surface += -2 * (moment[0] * uu + moment[1] * vv) + mean_square
    surface = np.maximum(surface, 0)
    levels = levels_for(surface.min(), surface.max())
    bands = [surface.min()] + levels + [surface.max()]
    # One colour per band, evenly spaced along viridis (as render-fit colours band indices).
    norm = matplotlib.colors.BoundaryNorm(bands, 256)
    ax.contourf(uu, vv, surface, levels=bands, cmap="viridis", norm=norm)
    ax.contour(uu, vv, surface, levels=levels, colors="black", alpha=0.3, linewidths=0.6)
    best = np.linalg.lstsq(design, y, rcond=None)[0]
    ax.scatter([best[0]], [best[1]], marker="x", color="white", s=81, linewidths=2)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    (halo,) = ax.plot([], [], color="white", alpha=0.85, linewidth=3)
    (path,) = ax.plot([], [], color=BLUE, linewidth=1.5)
    step = ax.quiver(
        [a1[0]], [a2[0]], [0.0], [0.0], angles="xy", scale_units="xy", scale=1, color=BLUE, width=0.004, zorder=5
    )
    current = ax.scatter([a1[0]], [a2[0]], s=64, color=BLUE, edgecolors="white", zorder=4)
    ax.set_xlabel("a₁")
    ax.set_ylabel("a₂")
    ax.set_title("Loss landscape")

    for index, (iteration, slope, intercept, loss) in enumerate(rows):
        fit.show(iteration, slope, intercept, loss)
        loss_line.set_data(iterations[: index + 1], losses[: index + 1])
        loss_point.set_offsets([[iteration, loss]])
        halo.set_data(a1[: index + 1], a2[: index + 1])
        path.set_data(a1[: index + 1], a2[: index + 1])
        current.set_offsets([[slope, intercept]])
        if index + 1 < len(rows):
            step.set_offsets([[slope, intercept]])
            step.set_UVC([a1[index + 1] - slope], [a2[index + 1] - intercept])
        else:
            step.set_UVC([0.0], [0.0])
        fig.savefig(frame_path(out_dir, index, len(rows)), dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
