#!/usr/bin/env bash
# Builds render-fit and render-fit-bench in release mode, runs the benchmarks, and prints the
# ratio table of issue 6 (targets met or missed).
#
#   Scripts/bench.sh                 # our benchmarks and the rows that need no peer
#   Scripts/bench.sh --with-peers    # also matplotlib and blazediff (pip-installed into a
#                                    # throwaway venv) and gnuplot (when installed:
#                                    # Scripts/setup.sh --with-gnuplot)
#   Scripts/bench.sh --quick         # fewer runs and cases (a smoke test, noisier numbers)
#   Scripts/bench.sh --training      # only the training rows (render-fit against numpy, and
#                                    # PyTorch when TRAINING_PYTHON can import torch)
#
# Environment: SCRATCH (build folder, default .build), RUNS (A/B runs per peer, default 5),
# TRAINING_PYTHON (the Python of the training peers, default python3; e.g. a venv where
# `pip install torch` was run).
# Everything temporary lives in one folder under $TMPDIR, removed at exit.
set -euo pipefail

with_peers=0
quick=0
training_only=0
for arg in "$@"; do
    case "$arg" in
        --with-peers) with_peers=1 ;;
        --quick) quick=1 ;;
        --training) training_only=1 ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench.sh: unknown option '$arg' (allowed: --with-peers, --quick, --training)" >&2; exit 64 ;;
    esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scratch=${SCRATCH:-.build}
runs=${RUNS:-5}
[ "$quick" = 1 ] && runs=${RUNS:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/render-fit-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "== building (release)"
products=(render-fit render-fit-bench compare-images)
[ "$training_only" = 1 ] && products=(render-fit render-fit-bench)
for product in "${products[@]}"; do
    if ! swift build -c release --scratch-path "$scratch" --product "$product" >"$work/build.log" 2>&1; then
        cat "$work/build.log" >&2
        echo "bench.sh: the release build of $product failed (output above)" >&2
        exit 1
    fi
done
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)

echo "== machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
quick_flag=()
[ "$quick" = 1 ] && quick_flag=(--quick)
groups=(frames encode trainer apng job pipeline panels)
[ "$training_only" = 1 ] || "$bin/render-fit-bench" "${groups[@]}" "${quick_flag[@]}" --json-out "$work/bench.json"
# The optimizers group runs with a malloc counter preloaded (Scripts/peers/malloc_count.c), so
# that it can show that mini-batch steps allocate nothing; without a C compiler it runs bare.
preload=()
if cc -O2 -shared -fPIC -o "$work/malloc_count.so" Scripts/peers/malloc_count.c -ldl 2>/dev/null; then
    preload=(env "LD_PRELOAD=$work/malloc_count.so")
fi
"${preload[@]}" "$bin/render-fit-bench" optimizers "${quick_flag[@]}" --json-out "$work/optimizers.json"
training_python=${TRAINING_PYTHON:-python3}
if [ "$training_only" = 1 ]; then
    echo "== training: render-fit against numpy and PyTorch (medians of $runs runs)"
    training_args=(--render-fit "$bin/render-fit" --bench-json "$work/optimizers.json" --work "$work" --runs "$runs")
    if "$training_python" -c 'import torch' 2>/dev/null; then training_args+=(--torch); fi
    "$training_python" Scripts/peers/training_ratios.py "${training_args[@]}"
    exit 0
fi
# Diagnostic: the pipeline row again with the job's files on tmpfs, to separate our own
# per-frame overhead from the file system's cost of creating a file (temporary + rename).
tmpfs_args=()
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    echo "== pipeline with the output on tmpfs (/dev/shm)"
    TMPDIR=/dev/shm "$bin/render-fit-bench" pipeline "${quick_flag[@]}" --json-out "$work/pipeline-tmpfs.json"
    tmpfs_args=(--pipeline-tmpfs-json "$work/pipeline-tmpfs.json")
fi

"$bin/render-fit-bench" export-data --out "$work/data" >/dev/null
ratio_args=(--render-fit "$bin/render-fit" --bench-json "$work/bench.json" --work "$work" --runs "$runs" "${tmpfs_args[@]}")
if python3 -c 'import numpy' 2>/dev/null; then ratio_args+=(--numpy-python python3); fi

if [ "$with_peers" = 1 ]; then
    echo "== peers: matplotlib into a throwaway venv"
    python3 -m venv "$work/venv"
    "$work/venv/bin/pip" install --quiet --disable-pip-version-check matplotlib numpy blazediff
    mpl_version=$("$work/venv/bin/python" -c 'import matplotlib; print(matplotlib.__version__)')
    echo "matplotlib $mpl_version (Agg)"
    ratio_args+=(--peer-python "$work/venv/bin/python" --numpy-python "$work/venv/bin/python")
    if command -v gnuplot >/dev/null 2>&1; then
        echo "$(gnuplot --version) (pngcairo)"
        ratio_args+=(--gnuplot)
    else
        echo "gnuplot not installed: its row is skipped (Scripts/setup.sh --with-gnuplot)"
    fi
fi

echo "== ratios (A/B interleaved, medians of $runs runs)"
python3 Scripts/peers/bench_ratios.py "${ratio_args[@]}"

# Issue 13's panels: three-panel frames against matplotlib (whole processes), the cost per pixel
# of three panels against one, and --jobs 1 / --jobs 2 (the render-fit-bench "panels" group above
# measures the same in memory, and the landscape's static layer for 100 and 1,000,000 points).
panels_python=python3
[ "$with_peers" = 1 ] && panels_python="$work/venv/bin/python"
if [ "$training_only" = 1 ]; then
    :
elif "$panels_python" -c 'import matplotlib, numpy' 2>/dev/null; then
    echo "== three panels: render-fit against matplotlib (A/B interleaved, medians of $runs runs)"
    python3 Scripts/peers/panels_bench.py --render-fit "$bin/render-fit" --bench "$bin/render-fit-bench" \
        --work "$work" --runs "$runs" --python "$panels_python"
else
    echo "matplotlib not installed: the three-panel peer rows are skipped (Scripts/bench.sh --with-peers)"
fi

echo "== training: render-fit against numpy and PyTorch (medians of $runs runs)"
if "$training_python" -c 'import numpy' 2>/dev/null; then
    training_args=(--render-fit "$bin/render-fit" --bench-json "$work/optimizers.json" --work "$work" --runs "$runs")
    if "$training_python" -c 'import torch' 2>/dev/null; then training_args+=(--torch); fi
    "$training_python" Scripts/peers/training_ratios.py "${training_args[@]}"
else
    echo "numpy not installed: the training rows are skipped"
fi

echo "== --residuals: per frame at 10,000 and 100,000 points (A/B interleaved, medians of $runs runs)"
residual_args=(--render-fit "$bin/render-fit" --bench "$bin/render-fit-bench" --work "$work" --runs "$runs")
if [ "$with_peers" = 1 ]; then residual_args+=(--peer-python "$work/venv/bin/python"); fi
python3 Scripts/peers/residuals_bench.py "${residual_args[@]}"

if [ "$with_peers" = 1 ]; then
    blazediff_version=$("$work/venv/bin/python" -c 'import importlib.metadata as m; print(m.version("blazediff"))')
    echo "== compare-images against blazediff $blazediff_version (A/B interleaved, medians of $runs runs)"
    python3 Scripts/peers/compare_images_bench.py --compare-images "$bin/compare-images" \
        --render-fit "$bin/render-fit" --python "$work/venv/bin/python" --work "$work" --runs "$runs"
fi
