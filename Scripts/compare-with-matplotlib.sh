#!/usr/bin/env bash
# Draws the same frame with render-fit and with matplotlib (Agg, 640×480, same data, same
# limits, same texts) and compares them with compare-images.
#
#   Scripts/compare-with-matplotlib.sh OUT_DIR [FRAME]     # FRAME defaults to 100
#
# Writes OUT_DIR/ours/ (render-fit's frames), OUT_DIR/matplotlib/ (Scripts/peers/
# matplotlib_frames.py's), OUT_DIR/diff.png, OUT_DIR/comparison.json and, when ffmpeg is
# installed, OUT_DIR/side-by-side.png (ours | matplotlib | diff). matplotlib is installed
# with pip into a throwaway virtual environment; it is never a dependency of render-fit.
set -euo pipefail
[ $# -ge 1 ] || { sed -n '5p' "$0" | sed 's/^# *//' >&2; exit 64; }
out=$1
frame=${2:-100}
[[ "$frame" =~ ^[0-9]+$ ]] || { echo "compare-with-matplotlib: FRAME '$frame' must be a whole number" >&2; exit 64; }
[ ! -e "$out" ] || [ -z "$(ls -A "$out")" ] || { echo "compare-with-matplotlib: '$out' exists and is not empty; give a new folder" >&2; exit 64; }
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=${SCRATCH:-$root/.build}
work=$(mktemp -d "${TMPDIR:-/tmp}/render-fit-vs-mpl.XXXXXX")
trap 'rm -rf "$work"' EXIT

for product in render-fit render-fit-bench compare-images; do
    swift build -c release --package-path "$root" --scratch-path "$scratch" --product "$product" >"$work/build.log" 2>&1 \
        || { cat "$work/build.log" >&2; exit 1; }
done
bin=$(swift build -c release --package-path "$root" --scratch-path "$scratch" --show-bin-path)
mkdir -p "$out"
iterations=$(( frame > 100 ? frame : 100 ))
"$bin/render-fit" --out "$out/ours" --iterations "$iterations" --quiet
"$bin/render-fit-bench" export-data --out "$work/data" --iterations "$iterations" >/dev/null

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check matplotlib numpy
"$work/venv/bin/python" "$root/Scripts/peers/matplotlib_frames.py" \
    "$work/data/data.csv" "$out/ours/history.csv" "$out/ours/manifest.json" "$out/matplotlib"

name=$(printf 'frame_%04d.png' "$frame")
status=0
"$bin/compare-images" "$out/ours/$name" "$out/matplotlib/$name" --json --diff "$out/diff.png" \
    > "$out/comparison.json" || status=$?
[ "$status" -le 1 ] || exit "$status"   # 1 only means "they differ", which they do
cat "$out/comparison.json"
if command -v ffmpeg >/dev/null 2>&1; then
    ffmpeg -v error -y -i "$out/ours/$name" -i "$out/matplotlib/$name" -i "$out/diff.png" \
        -filter_complex hstack=inputs=3 "$out/side-by-side.png"
    echo "wrote $out/side-by-side.png (render-fit | matplotlib | pixelmatch diff)"
fi
