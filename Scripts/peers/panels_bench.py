#!/usr/bin/env python3
"""Three-panel frames: render-fit against matplotlib, whole processes, A/B interleaved.

    panels_bench.py --render-fit BIN --bench BIN --work DIR [--runs N] [--python PY]

Runs `render-fit --out DIR --panels fit,loss,landscape --quiet` (1920x480, 101 frames) and
Scripts/peers/matplotlib_panels.py on the same points, history and panel geometry, alternating
run by run, and prints the medians, their ratio (target: render-fit ≥ 25× faster) and the
frames' total sizes (target: render-fit's no larger). Also prints the one-panel and three-panel
render-fit runs' own rendering rates (the "frames/s" render-fit reports), the three-panel /
one-panel cost per pixel (target ≤ 1.5), and --jobs 1 / --jobs 2 on three panels (target ≥ 1.7).
"""
import argparse
import glob
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def wall(command):
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"panels_bench.py: {' '.join(command)} failed:\n{result.stderr}")
    return elapsed, result.stdout


def frame_bytes(folder):
    return sum(os.path.getsize(p) for p in glob.glob(os.path.join(folder, "frame_*.png")))


def rendering_seconds(stdout):
    """The rendering time render-fit reports: 'wrote 101 frames, … (0.84 s, 120 frames/s)'."""
    match = re.search(r"\(([0-9.]+) s, [0-9.]+ frames/s\)", stdout)
    return float(match.group(1)) if match else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--render-fit", required=True)
    parser.add_argument("--bench", required=True, help="render-fit-bench (for export-data)")
    parser.add_argument("--work", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    work = os.path.join(args.work, "panels")
    os.makedirs(work, exist_ok=True)
    data_dir = os.path.join(work, "data")
    subprocess.run([args.bench, "export-data", "--out", data_dir], check=True, stdout=subprocess.DEVNULL)
    ours = os.path.join(work, "render-fit")
    peer = os.path.join(work, "matplotlib")
    three = ["--panels", "fit,loss,landscape"]
    # One run first: the manifest whose panel geometry the peer reads.
    wall([args.render_fit, "--out", ours, *three, "--quiet"])
    manifest = os.path.join(ours, "manifest.json")
    history = os.path.join(ours, "history.csv")

    rf_times, mpl_times = [], []
    for _ in range(args.runs):
        rf_times.append(wall([args.render_fit, "--out", ours, *three, "--quiet"])[0])
        mpl_times.append(
            wall([args.python, os.path.join(HERE, "matplotlib_panels.py"), os.path.join(data_dir, "data.csv"),
                  history, manifest, peer])[0])
    rf, mpl = statistics.median(rf_times), statistics.median(mpl_times)
    ours_bytes, peer_bytes = frame_bytes(ours), frame_bytes(peer)
    print(f"three panels 1920x480, 101 frames, whole process: render-fit {rf * 1000:.0f} ms, "
          f"matplotlib {mpl * 1000:.0f} ms (medians of {args.runs})")
    print(f"  ratio {mpl / rf:.1f}x (target >= 25x: {'met' if mpl / rf >= 25 else 'MISSED'})")
    print(f"  frames: render-fit {ours_bytes / 1024:.0f} KiB, matplotlib {peer_bytes / 1024:.0f} KiB "
          f"({'no larger: met' if ours_bytes <= peer_bytes else 'larger: MISSED'})")

    # render-fit alone: rendering rate of one and three panels, and one against two threads.
    one_panel, three_panel, jobs1, jobs2 = [], [], [], []
    single = os.path.join(work, "single")
    for _ in range(args.runs):
        one_panel.append(rendering_seconds(wall([args.render_fit, "--out", single, "--jobs", "1"])[1]))
        three_panel.append(rendering_seconds(wall([args.render_fit, "--out", ours, *three, "--jobs", "1"])[1]))
        jobs2.append(rendering_seconds(wall([args.render_fit, "--out", ours, *three, "--jobs", "2"])[1]))
    jobs1 = three_panel
    per_pixel = statistics.median(three_panel) / (3 * statistics.median(one_panel))
    print(f"render-fit rendering, --jobs 1: one panel {statistics.median(one_panel) * 1000:.0f} ms, "
          f"three panels {statistics.median(three_panel) * 1000:.0f} ms for 101 frames")
    print(f"  three-panel / one-panel cost per pixel {per_pixel:.2f} (target <= 1.5: "
          f"{'met' if per_pixel <= 1.5 else 'MISSED'})")
    ratio = statistics.median(jobs1) / statistics.median(jobs2)
    print(f"  --jobs 1 / --jobs 2 on three panels {ratio:.2f}x on {os.cpu_count()} cores, load "
          f"{open('/proc/loadavg').read().split()[0] if os.path.exists('/proc/loadavg') else '?'} "
          f"(target >= 1.7: {'met' if ratio >= 1.7 else 'MISSED'})")


if __name__ == "__main__":
    main()
