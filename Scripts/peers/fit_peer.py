"""What the matplotlib peers of render-fit's frames share (matplotlib_frames.py,
matplotlib_residuals.py, matplotlib_panels.py): reading the same inputs, drawing the fit panel
the same way, and naming the frames as render-fit does. Imported from the peers' own folder.
"""
import csv
import json
import os

import numpy as np

BLUE = "#1f77b4"
ORANGE = "#ff7f0e"


def load(data_csv, history_csv, manifest_json, out_dir):
    """The points (x, y), the history rows (iteration, a1, a2, loss) and render-fit's
    manifest; creates out_dir."""
    data = np.loadtxt(data_csv, delimiter=",", skiprows=1)
    with open(history_csv, newline="") as f:
        rows = [(int(r["iteration"]), float(r["a1"]), float(r["a2"]), float(r["loss"])) for r in csv.DictReader(f)]
    with open(manifest_json) as f:
        manifest = json.load(f)
    os.makedirs(out_dir, exist_ok=True)
    return data[:, 0], data[:, 1], rows, manifest


class FitPanel:
    """The fit panel on `ax`: the orange points (`scatter_options` add, say, a z-order), axis
    labels, the blue line over `x_limits`, the title with the loss and the equation in the top
    left. `show` updates the line and the two texts for one history row."""

    def __init__(self, ax, x, y, x_limits, **scatter_options):
        ax.scatter(x, y, color=ORANGE, label="data", **scatter_options)
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        self.line_x = np.array(x_limits)
        (self.line,) = ax.plot(self.line_x, self.line_x * 0, color=BLUE, linewidth=1.5)
        self.title = ax.set_title("")
        self.equation = ax.text(0.03, 0.95, "", transform=ax.transAxes, color=BLUE, ha="left", va="top")

    def show(self, iteration, slope, intercept, loss):
        self.line.set_ydata(slope * self.line_x + intercept)
        self.title.set_text(f"Iteration {iteration} — loss {loss:.4f}")
        sign = "−" if intercept < 0 else "+"
        self.equation.set_text(f"y = {slope:.2f}x {sign} {abs(intercept):.2f}")


def frame_path(out_dir, index, count):
    """render-fit's name for frame `index` of `count`: frame_0042.png, at least four digits."""
    return os.path.join(out_dir, f"frame_{index:0{max(4, len(str(count - 1)))}d}.png")
