#!/usr/bin/env bash
# Makes the images the README shows (Examples/gallery/) with the documented commands.
# Everything is reproducible byte for byte: run it again and `git status` stays clean.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh
swift build -c release --product render-fit >/dev/null
render_fit=.build/release/render-fit
work=.build/gallery
gallery=Examples/gallery
mkdir -p "$gallery"

# A frame of the default run (the README's first command, at its defaults).
"$render_fit" --out "$work/frames" --quiet
cp "$work/frames/frame_0012.png" "$gallery/frame_0012.png"

# The same run in French, with residuals, as a smaller animated PNG.
"$render_fit" --out "$work/frames-fr" --lang fr --residuals --width 480 --height 360 --iterations 40 \
    --fps 10 --animation "$gallery/animation-fr.png" --force --quiet

# Two of the article's figures.
"$render_fit" --figures "$work/figures" --quiet
cp "$work/figures/squared-errors.png" "$work/figures/loss-log.png" "$gallery/"

# A diverging run: the last frame.
"$render_fit" --out "$work/diverging" --learning-rate 1.05 --quiet 2>/dev/null
last=$(ls "$work/diverging" | grep '^frame_' | tail -n1)
cp "$work/diverging/$last" "$gallery/diverging.png"

# The tanh network bending onto the sine data: the last frame.
"$render_fit" --out "$work/mlp" --dataset sine --model mlp:8 --optimizer adam --learning-rate 0.05 \
    --iterations 2000 --quiet
cp "$work/mlp/frame_2000.png" "$gallery/mlp-sine.png"

# The optimizer race on one surface: gd, momentum and adam, iteration 25.
"$render_fit" --out "$work/race" --panels fit,landscape --compare optimizer=gd,momentum,adam --quiet
cp "$work/race/frame_0025.png" "$gallery/race.png"
# Three panels (issue 13): the fit, the loss curve and the loss landscape; and a diverging run.
"$render_fit" --out "$work/panels" --panels fit,loss,landscape --quiet
cp "$work/panels/frame_0010.png" "$gallery/three-panels.png"
"$render_fit" --out "$work/panels-diverging" --panels fit,loss,landscape --learning-rate 1.05 --quiet 2>/dev/null
last=$(ls "$work/panels-diverging" | grep '^frame_' | tail -n1)
cp "$work/panels-diverging/$last" "$gallery/three-panels-diverging.png"
ls -l "$gallery"
