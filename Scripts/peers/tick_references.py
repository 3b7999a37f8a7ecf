#!/usr/bin/env python3
"""Tick positions and labels computed by matplotlib, for FitPlot's tick tests.

Writes one JSON file:

  log      for each range, the ticks a log axis draws (major and minor, with their labels) on
           a figure of the given size: ax.set_yscale('log') (or x), set_ylim, draw, then the
           axis's own ticks (`_update_ticks`). mathtext is rewritten to the plain Unicode the
           project draws ("$\\mathdefault{2\\times10^{-1}}$" -> "2×10⁻¹").
  integer  MaxNLocator(nbins, steps=[1, 2, 2.5, 5, 10], integer=True).tick_values(lower, upper)
           for iteration axes (AutoLocator's steps, which FitPlot's NiceTicks uses, made
           integer), and the same without integer=True, to show the difference.

Tests/FitPlotTests/PeerTickReferenceTests.swift compares FitPlot's LogTicks/LogTickFormatter
and NiceTicks(integer: true) with it. Run from the repository root:

  python3 Scripts/peers/tick_references.py Tests/FitPlotTests/PeerReferences/ticks.json
"""
import json
import re
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

STEPS = [1, 2, 2.5, 5, 10]  # AutoLocator's, as FitPlot's NiceTicks
SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")

# (axis, lower, upper, width, height): decades, sub-decade ranges (where minor ticks get
# labels), ranges just over and under the 0.4-decade threshold, and the learning-rates rows.
LOG_CASES = [
    ("y", 0.08, 10, 640, 480),
    ("y", 0.2, 0.8, 640, 480),
    ("y", 0.9, 1.5, 640, 480),
    ("y", 1.1, 1.5, 640, 480),
    ("y", 3, 40, 640, 480),
    ("y", 5.5, 9.0, 640, 480),
    ("y", 0.05, 0.3, 640, 480),
    ("y", 0.085, 0.12, 640, 480),
    ("y", 2.0, 7.0, 300, 200),
    ("y", 0.07, 9.5, 270, 230),
    ("y", 0.06, 2000.0, 270, 230),
    ("x", 0.3, 2.5, 640, 480),
    ("y", 1e-3, 1e12, 640, 480),
]

# (lower, upper, nbins): a 2-iteration run's axis (automatic limits with 5 % margins), a
# 20- and a 100-iteration one, and ranges of a few units.
INTEGER_CASES = [
    (-0.1, 2.1, 9),
    (-0.05, 1.05, 9),
    (-1.0, 21.0, 9),
    (-5.0, 105.0, 9),
    (-0.15, 3.15, 4),
    (0.0, 7.0, 9),
    (-0.5, 10.5, 3),
]


def unicode_label(text):
    m = re.fullmatch(r"\$\\mathdefault\{(.*)\}\$", text)
    if not m:
        return text.replace("-", "−")
    body = m.group(1)
    m = re.fullmatch(r"(?:([0-9.]+)\\times)?10\^\{(-?\d+)\}", body)
    if not m:
        raise SystemExit(f"unexpected label {text!r}")
    coefficient, exponent = m.groups()
    power = "10" + exponent.translate(SUPERSCRIPT)
    return (coefficient + "×" + power) if coefficient else power


def log_case(axis, lower, upper, width, height):
    fig, ax = plt.subplots(figsize=(width / 100, height / 100), dpi=100)
    if axis == "y":
        ax.set_yscale("log")
        ax.set_ylim(lower, upper)
        target = ax.yaxis
    else:
        ax.set_xscale("log")
        ax.set_xlim(lower, upper)
        target = ax.xaxis
    fig.canvas.draw()
    major_locs = set(target.get_majorticklocs())
    drawn = target._update_ticks()
    major, minor = [], []
    for tick in drawn:
        entry = [float(tick.get_loc()), unicode_label(tick.label1.get_text())]
        (major if tick.get_loc() in major_locs else minor).append(entry)
    plt.close(fig)
    return {"axis": axis, "lower": lower, "upper": upper, "width": width, "height": height,
            "major": major, "minor": minor}


def main(out):
    result = {
        "matplotlib": matplotlib.__version__,
        "log": [log_case(*case) for case in LOG_CASES],
        "integer": [
            {"lower": lo, "upper": hi, "bins": n,
             "ticks": [float(t) for t in MaxNLocator(nbins=n, steps=STEPS, integer=True).tick_values(lo, hi)],
             "plainTicks": [float(t) for t in MaxNLocator(nbins=n, steps=STEPS).tick_values(lo, hi)]}
            for lo, hi, n in INTEGER_CASES
        ],
    }
    with open(out, "w") as f:
        json.dump(result, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {out} (matplotlib {matplotlib.__version__})")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
