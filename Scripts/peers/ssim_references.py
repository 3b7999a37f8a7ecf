#!/usr/bin/env python3
"""SSIM references for ImageComparisonTests: writes small PNG pairs and the mean SSIM that
scikit-image computes for each, into Tests/ImageComparisonTests/SSIMReferences/.

    python3 -m venv /tmp/v && /tmp/v/bin/pip install scikit-image pillow numpy
    /tmp/v/bin/python Scripts/peers/ssim_references.py

The definition is the one compare-images documents: BT.601 luma in float64
(0.299 R + 0.587 G + 0.114 B, translucent pixels composited over white first) and
skimage.metrics.structural_similarity(a, b, gaussian_weights=True, sigma=1.5,
use_sample_covariance=False, data_range=255). For a masked pair the actual image takes the
expected value at every ignored pixel, scikit-image's full SSIM map is computed, and the mean
is taken over the pixels that are neither ignored nor in scikit-image's 5-pixel border.
The images come from numpy's seeded generator (PCG64, seed 2004), so a rerun writes the same
files.
"""
import json
import os

import numpy as np
import skimage
from PIL import Image
from skimage.metrics import structural_similarity

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "ImageComparisonTests", "SSIMReferences")
rng = np.random.default_rng(2004)


def luma(rgba):
    rgba = rgba.astype(np.float64)
    a = rgba[..., 3:4] / 255.0
    rgb = rgba[..., :3] * a + 255.0 * (1.0 - a)
    return 0.299 * rgb[..., 0] + 0.587 * rgb[..., 1] + 0.114 * rgb[..., 2]


def ssim(expected, actual, mask=None):
    kwargs = dict(gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=255)
    if mask is None:
        return float(structural_similarity(luma(expected), luma(actual), **kwargs))
    actual = actual.copy()
    actual[mask] = expected[mask]
    _, full = structural_similarity(luma(expected), luma(actual), full=True, **kwargs)
    keep = ~mask
    keep[:5, :] = False
    keep[-5:, :] = False
    keep[:, :5] = False
    keep[:, -5:] = False
    return float(full[keep].mean(dtype=np.float64))


def opaque(rgb):
    return np.dstack([rgb, np.full(rgb.shape[:2], 255, np.uint8)])


def smooth_scene(width, height, shift=0):
    """Soft gradients and discs: an image with structure at several scales."""
    y, x = np.mgrid[0:height, 0:width].astype(np.float64)
    r = 128 + 90 * np.sin(x / 9.0 + shift * 0.3) * np.cos(y / 13.0)
    g = 40 + 1.5 * x + 0.5 * y
    b = 255 * (((x - width / 2 - shift) ** 2 + (y - height / 2) ** 2) < (height / 3) ** 2)
    rgb = np.clip(np.dstack([r, g, b]), 0, 255).astype(np.uint8)
    return opaque(rgb)


def write(name, image):
    Image.fromarray(image, "RGBA").save(os.path.join(OUT, name), optimize=False)


def main():
    os.makedirs(OUT, exist_ok=True)
    cases = []

    def case(name, expected, actual, mask_rects=None):
        mask = None
        if mask_rects:
            mask = np.zeros(expected.shape[:2], bool)
            for (x, y, w, h) in mask_rects:
                mask[y:y + h, x:x + w] = True
        write(name + "-expected.png", expected)
        write(name + "-actual.png", actual)
        entry = {"name": name, "ssim": ssim(expected, actual, mask)}
        if mask_rects:
            entry["ignore"] = [list(r) for r in mask_rects]
        cases.append(entry)

    noise = rng.integers(0, 256, (73, 97, 3), dtype=np.uint8)
    noisy = np.clip(noise.astype(int) + rng.integers(-40, 41, noise.shape), 0, 255).astype(np.uint8)
    case("noise", opaque(noise), opaque(noisy))

    scene = smooth_scene(120, 80)
    case("shifted-scene", scene, smooth_scene(120, 80, shift=3))
    case("shifted-scene-masked", scene, smooth_scene(120, 80, shift=3), mask_rects=[(30, 10, 60, 40), (0, 70, 20, 10)])

    flat = np.full((16, 16, 4), 200, np.uint8)
    flat[..., 3] = 255
    speck = flat.copy()
    speck[7, 8, :3] = (10, 20, 30)
    case("speck", flat, speck)

    translucent = rng.integers(0, 256, (30, 40, 4), dtype=np.uint8)
    faded = translucent.copy()
    faded[..., 3] = (faded[..., 3].astype(int) * 3 // 4).astype(np.uint8)
    case("translucent", translucent, faded)

    with open(os.path.join(OUT, "references.json"), "w") as f:
        json.dump({
            "generator": "Scripts/peers/ssim_references.py",
            "scikit-image": skimage.__version__,
            "numpy": np.__version__,
            "cases": cases,
        }, f, indent=2)
        f.write("\n")
    for c in cases:
        print(f"{c['name']}: {c['ssim']:.12f}")


if __name__ == "__main__":
    main()
