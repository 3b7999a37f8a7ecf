#!/usr/bin/env bash
# Makes the README's screenshots of compare-images' HTML report: two runs of render-fit that
# differ (learning rates 0.1 and 0.3) compared as folders, with one frame missing, one extra,
# a masked corner and an SSIM minimum; then headless Chromium shows the page
# (Scripts/report-in-chromium.py checks it and takes the screenshots).
#
#   Scripts/make-report-screenshots.sh [OUT_DIR]    # default Examples/gallery
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-Examples/gallery}
work=$(mktemp -d "${TMPDIR:-/tmp}/report-shots.XXXXXX")
trap 'rm -rf "$work"' EXIT
swift build --product render-fit >/dev/null
swift build --product compare-images >/dev/null
bin=$(swift build --show-bin-path)
"$bin/render-fit" --out "$work/runs/expected" --iterations 8 >/dev/null
"$bin/render-fit" --out "$work/runs/faster" --iterations 8 --learning-rate 0.3 >/dev/null
mkdir -p "$work/expected" "$work/actual"
cp "$work"/runs/expected/frame_000[0-6].png "$work/expected/"
cp "$work"/runs/expected/frame_000[0-1].png "$work/actual/"
cp "$work"/runs/faster/frame_000[2-5].png "$work/actual/"
cp "$work"/runs/faster/frame_0007.png "$work/actual/"
(cd "$work" && "$bin/compare-images" expected actual --report report --ssim-min 0.99 \
    --rms-tolerance 1 --max-mismatched-pixels 100 --ignore 560,420,80,60 >/dev/null) || true
python3 Scripts/report-in-chromium.py "$work/report/index.html" \
    --summary-png "$out/report-summary.png" --slider-png "$out/report-slider.png" >/dev/null
echo "wrote $out/report-summary.png and $out/report-slider.png"
