#!/usr/bin/env bash
# The render-fit frames workload done the way a skilled gnuplot user would, with pngcairo.
#
#   gnuplot_frames.sh DATA_CSV HISTORY_CSV MANIFEST_JSON OUT_DIR [SCRIPT_ONLY]
#
# Writes OUT_DIR/frames.gp and runs it (with a fifth argument, only writes it, so that a
# benchmark can time gnuplot alone): one gnuplot process sets up the terminal (pngcairo,
# 640x480, the same data, limits from manifest.json `dataLimits`, orange points, blue line,
# title with the loss, the equation top left), then for each history row sets the output
# file, the two texts and the line's parameters and replots. gnuplot's `do for` cannot read
# CSV rows into variables, so the per-frame values are written into the script beforehand.
set -euo pipefail
[ $# -ge 4 ] || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 64; }
data=$1 history=$2 manifest=$3 out=$4
mkdir -p "$out"
read -r xmin xmax ymin ymax < <(python3 -c '
import json, sys
l = json.load(open(sys.argv[1]))["dataLimits"]
print(repr(l["x"][0]), repr(l["x"][1]), repr(l["y"][0]), repr(l["y"][1]))' "$manifest")
script="$out/frames.gp"
{
    echo "set terminal pngcairo size 640,480 font 'DejaVu Sans,10'"
    echo "set datafile separator ','"
    echo "set xrange [$xmin:$xmax]"
    echo "set yrange [$ymin:$ymax]"
    echo "set xlabel 'x'"
    echo "set ylabel 'y'"
    echo "unset key"
    echo "set style line 1 lc rgb '#ff7f0e' pt 7 ps 0.8"
    echo "set style line 2 lc rgb '#1f77b4' lw 1.5"
    echo "f(x) = a1 * x + a2"
    awk -F, -v out="$out" 'NR > 1 {
        sign = ($3 < 0) ? "−" : "+"; b = ($3 < 0) ? -$3 : $3
        printf "a1 = %.17g; a2 = %.17g\n", $2, $3
        printf "set output \"%s/frame_%04d.png\"\n", out, NR - 2
        printf "set title \"Iteration %d — loss %.4f\"\n", $1, $4
        printf "set label 1 \"y = %.2fx %s %.2f\" at graph 0.03, graph 0.95 left front tc rgb \"#1f77b4\"\n", $2, sign, b
        if (NR == 2) printf "plot \"%s\" using 1:2 every ::1 with points ls 1, f(x) with lines ls 2\n", data0
        else print "replot"
    }' data0="$data" "$history"
    echo "unset output"
} > "$script"
[ $# -ge 5 ] && exit 0
exec gnuplot "$script"
