#!/usr/bin/env python3
"""compare-images against blazediff (PyPI, native SIMD), whole process, same images, same
mismatched-pixel count. Used by Scripts/bench.sh --with-peers; runnable alone:

    compare_images_bench.py --compare-images BIN --render-fit BIN --python PY --work DIR [--runs N]

PY is a Python with the blazediff package. Two rows:
  * one 3840x2160 pair (render-fit's frames 10 and 16 at --width 1920 --height 1080 --scale 2
    with 3,000 points: about 0.4 % of the pixels differ), one process each;
  * the 101 frames of 640x480 of two runs (learning rates 0.1 and 0.11), compare-images on
    the two folders against one Python process calling blazediff.compare for each pair.
blazediff runs with antialiasing=True (anti-aliased pixels detected and not counted), which is
pixelmatch's default and compare-images'; the counts are checked equal, pair by pair, before
anything is timed. Runs alternate A/B/A/B after a warm-up; medians of wall time and of CPU
time (user + system, from os.wait4) are printed as JSON on the last line.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

BLAZE_ONE = "import sys, blazediff; print(blazediff.compare(sys.argv[1], sys.argv[2], antialiasing=True).diff_count or 0)"
BLAZE_FOLDER = """
import json, os, sys, blazediff
a, b = sys.argv[1], sys.argv[2]
counts = {}
for name in sorted(n for n in os.listdir(a) if n.endswith('.png')):
    # diff_count is None when the images match.
    counts[name] = blazediff.compare(os.path.join(a, name), os.path.join(b, name), antialiasing=True).diff_count or 0
print(json.dumps(counts))
"""
BLAZE_RAW = "import sys, blazediff; print(blazediff.compare(sys.argv[1], sys.argv[2], threshold=0.0, antialiasing=False).diff_count)"


def timed(cmd):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"compare_images_bench: {cmd[:2]} exited with {code}")
    return elapsed, usage.ru_utime + usage.ru_stime


def interleaved(a, b, runs):
    timed(a), timed(b)
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(timed(a))
        theirs.append(timed(b))
    med = lambda xs, i: statistics.median(x[i] for x in xs)
    return {"ours_ms": 1000 * med(ours, 0), "blazediff_ms": 1000 * med(theirs, 0),
            "ours_cpu_ms": 1000 * med(ours, 1), "blazediff_cpu_ms": 1000 * med(theirs, 1)}


def output(cmd):
    return subprocess.run(cmd, capture_output=True, text=True).stdout


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--compare-images", required=True)
    p.add_argument("--render-fit", required=True)
    p.add_argument("--python", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--runs", type=int, default=5)
    o = p.parse_args()
    big, small_a, small_b = (os.path.join(o.work, n) for n in ("cmp-4k", "cmp-a", "cmp-b"))
    subprocess.run([o.render_fit, "--out", big, "--width", "1920", "--height", "1080", "--scale", "2",
                    "--iterations", "16", "--points", "3000"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([o.render_fit, "--out", small_a], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([o.render_fit, "--out", small_b, "--learning-rate", "0.11"], check=True,
                   stdout=subprocess.DEVNULL)
    a, b = os.path.join(big, "frame_0010.png"), os.path.join(big, "frame_0016.png")
    loose = ["--max-mismatched-pixels", "1000000000", "--rms-tolerance", "255"]

    # Same count first.
    ours_count = json.loads(output([o.compare_images, a, b, "--json"]))["mismatchedPixels"]
    their_count = int(output([o.python, "-c", BLAZE_ONE, a, b]))
    raw = int(output([o.python, "-c", BLAZE_RAW, a, b]))
    if ours_count != their_count:
        sys.exit(f"compare_images_bench: 4K pair: compare-images counts {ours_count}, blazediff {their_count}")
    folder = json.loads(output([o.compare_images, small_a, small_b, "--json"]))
    ours_counts = {f["name"]: f["report"]["mismatchedPixels"] for f in folder["files"]}
    their_counts = json.loads(output([o.python, "-c", BLAZE_FOLDER, small_a, small_b]))
    if set(ours_counts) != set(their_counts):
        sys.exit("compare_images_bench: the two tools did not see the same files")
    # blazediff's anti-aliasing test departs from pixelmatch's on a few pixels; compare-images
    # follows pixelmatch exactly (checked against the pixelmatch package by
    # Scripts/peers/pixelmatch_check.py). Report the pairs where the counts differ.
    differing = {n: (ours_counts[n], their_counts[n]) for n in ours_counts if ours_counts[n] != their_counts[n]}

    single = interleaved([o.compare_images, a, b] + loose, [o.python, "-c", BLAZE_ONE, a, b], o.runs)
    many = interleaved([o.compare_images, small_a, small_b] + loose,
                       [o.python, "-c", BLAZE_FOLDER, small_a, small_b], o.runs)
    result = {
        "pair_4k": dict(single, mismatched=ours_count, differing_fraction=raw / (3840 * 2160)),
        "folder_101": dict(many, pairs=len(ours_counts), mismatched_total=sum(ours_counts.values()),
                           blazediff_total=sum(their_counts.values()), pairs_counted_differently=differing),
    }
    for key, row in result.items():
        print(f"{key}: blazediff {row['blazediff_ms']:.0f} ms / compare-images {row['ours_ms']:.0f} ms = "
              f"{row['blazediff_ms'] / row['ours_ms']:.2f}x (CPU {row['blazediff_cpu_ms']:.0f} / "
              f"{row['ours_cpu_ms']:.0f} ms)")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
