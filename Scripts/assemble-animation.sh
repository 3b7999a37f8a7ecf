#!/usr/bin/env bash
# Assembles a folder of render-fit frames into an animation with ffmpeg.
#
#   Scripts/assemble-animation.sh FRAMES_DIR OUTPUT.{gif,mp4,webm} [--fps N]
#
# The frame order and the frame rate come from FRAMES_DIR/manifest.json (written by
# `render-fit --out FRAMES_DIR`); --fps overrides the rate. GIF uses a palette pass
# (palettegen/paletteuse); MP4 is H.264 in yuv420p with even dimensions; WebM is VP9.
# The output is written under a temporary name and renamed: a failure leaves no file.
# ffmpeg is needed: `Scripts/setup.sh --with-ffmpeg` installs it.
set -euo pipefail

usage() { sed -n '4,5p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 64; }

[ $# -ge 2 ] || usage
frames_dir=${1%/}
output=$2
shift 2
fps_override=""
while [ $# -gt 0 ]; do
    case "$1" in
        --fps)
            [ $# -ge 2 ] || { echo "assemble-animation: --fps needs a value (an integer 1…100)" >&2; exit 64; }
            fps_override=$2; shift 2 ;;
        --fps=*) fps_override=${1#--fps=}; shift ;;
        *) echo "assemble-animation: unknown argument '$1' (allowed: --fps N)" >&2; exit 64 ;;
    esac
done
if [ -n "$fps_override" ]; then
    if ! [[ "$fps_override" =~ ^[0-9]+$ ]] || [ "$fps_override" -lt 1 ] || [ "$fps_override" -gt 100 ]; then
        echo "assemble-animation: --fps '$fps_override' is not allowed (an integer 1…100)" >&2; exit 64
    fi
fi

manifest="$frames_dir/manifest.json"
[ -d "$frames_dir" ] || { echo "assemble-animation: '$frames_dir' is not a folder" >&2; exit 64; }
[ -f "$manifest" ] || { echo "assemble-animation: no manifest.json in '$frames_dir' (write frames with: render-fit --out $frames_dir)" >&2; exit 64; }

ext=${output##*.}
ext=$(printf '%s' "$ext" | tr 'A-Z' 'a-z')
case "$ext" in
    gif|mp4|webm) ;;
    *) echo "assemble-animation: output '$output' must end in .gif, .mp4 or .webm" >&2; exit 64 ;;
esac
if [ -d "$output" ]; then echo "assemble-animation: output '$output' is a folder" >&2; exit 64; fi

if ! command -v ffmpeg >/dev/null 2>&1; then
    echo "assemble-animation: ffmpeg is not installed; install it with: Scripts/setup.sh --with-ffmpeg (or apt-get install ffmpeg / brew install ffmpeg)" >&2
    exit 69
fi

# The manifest is written by render-fit's JSON encoder (sorted keys, pretty printed):
# "fps" : N at top level, and one "file" : "frame_….png" per frame, in frame order.
fps=$(grep -E '^  "fps" : [0-9]+' "$manifest" | head -n1 | sed -E 's/[^0-9]//g')
[ -n "$fps" ] || { echo "assemble-animation: '$manifest' has no fps; is it a render-fit manifest?" >&2; exit 65; }
[ -n "$fps_override" ] && fps=$fps_override

tmp_out="$(dirname "$output")/.$(basename "$output").$$.render-fit-tmp"
trap 'rm -f "$tmp_out"' EXIT
names=$(grep -oE '"file" : "frame_[0-9]+\.png"' "$manifest" | sed -E 's/.*"(frame_[0-9]+\.png)"/\1/')
count=0
for name in $names; do
    [ -f "$frames_dir/$name" ] || { echo "assemble-animation: manifest lists '$name' but it is missing from '$frames_dir'" >&2; exit 65; }
    count=$((count + 1))
done
[ "$count" -gt 0 ] || { echo "assemble-animation: '$manifest' lists no frames" >&2; exit 65; }
# Frames are numbered 0…count-1 with a fixed number of digits (at least 4).
first=$(printf '%s\n' $names | head -n1)
digits=$(( ${#first} - 10 ))

input=(-framerate "$fps" -start_number 0 -i "$frames_dir/frame_%0${digits}d.png" -frames:v "$count")
case "$ext" in
    mp4)
        ffmpeg -v error -y "${input[@]}" -vf "pad=ceil(iw/2)*2:ceil(ih/2)*2" -c:v libx264 \
            -pix_fmt yuv420p -crf 18 -r "$fps" -movflags +faststart -f mp4 "$tmp_out" ;;
    webm)
        ffmpeg -v error -y "${input[@]}" -c:v libvpx-vp9 -pix_fmt yuv420p -b:v 0 -crf 32 \
            -r "$fps" -f webm "$tmp_out" ;;
    gif)
        # GIF delays are whole hundredths of a second and browsers slow down delays below
        # 2/100 s, so rates above 50 fps are lowered to 50.
        if [ "$fps" -gt 50 ]; then
            echo "assemble-animation: note: GIF frame delays below 2/100 s are slowed by browsers; using 50 fps instead of $fps" >&2
            fps=50
        fi
        input=(-framerate "$fps" -start_number 0 -i "$frames_dir/frame_%0${digits}d.png" -frames:v "$count")
        ffmpeg -v error -y "${input[@]}" \
            -filter_complex "split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse=dither=none" \
            -r "$fps" -loop 0 -f gif "$tmp_out" ;;
esac
mv -f "$tmp_out" "$output"
echo "assemble-animation: wrote $output ($count frames at $fps fps)"
