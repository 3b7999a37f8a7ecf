#!/usr/bin/env python3
"""Checks compare-images' mismatched-pixel counts against the pixelmatch package (the Python
port of mapbox/pixelmatch, includeAA=False, threshold 0.1) for a few pairs of two folders,
and shows blazediff's count beside them when it is installed.

    pixelmatch_check.py COMPARE_IMAGES EXPECTED_DIR ACTUAL_DIR NAME...

Needs `pip install pixelmatch pillow` (and optionally blazediff). Pure Python: a few seconds
per 640x480 pair. Exits 1 when compare-images and pixelmatch disagree.
"""
import json
import os
import subprocess
import sys

from PIL import Image
from pixelmatch.contrib.PIL import pixelmatch

try:
    import blazediff
except ImportError:
    blazediff = None


def main():
    tool, a, b, *names = sys.argv[1:]
    disagreements = 0
    print(f"{'file':<18}{'pixelmatch':>12}{'compare-images':>16}{'blazediff':>11}")
    for name in names:
        pa, pb = os.path.join(a, name), os.path.join(b, name)
        reference = pixelmatch(Image.open(pa).convert("RGBA"), Image.open(pb).convert("RGBA"),
                               threshold=0.1, includeAA=False)
        ours = json.loads(subprocess.run([tool, pa, pb, "--json"], capture_output=True, text=True).stdout)
        theirs = (blazediff.compare(pa, pb, antialiasing=True).diff_count or 0) if blazediff else "-"
        disagreements += ours["mismatchedPixels"] != reference
        print(f"{name:<18}{reference:>12}{ours['mismatchedPixels']:>16}{theirs:>11}")
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
