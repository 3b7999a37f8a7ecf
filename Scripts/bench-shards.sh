#!/usr/bin/env bash
# Benchmarks of shards and merge (README, Performance), release build, medians, every ratio
# against a peer measured in the same sitting (runs interleaved, so machine load hits both):
#
#   1. SHARDS shards of a 1,000-frame run (--iterations 999), each with --jobs 1, started
#      together by GNU parallel into one shared folder, against one run with --jobs SHARDS.
#   2. `render-fit merge` of a 10,000-frame run (--iterations 9999) from SHARDS folders
#      (frames hard-linked) and from one shared folder, against rendering those frames
#      (one run, --jobs SHARDS).
#
#   Scripts/bench-shards.sh [RUNS] [SHARDS]     (default: 5 runs, 2 shards: this machine's cores)
#
# SIZE=WxH renders frames of that size (default: render-fit's, 640×480); BENCH_DIR is where
# the frames go (default: $TMPDIR or /tmp); SKIP_MERGE_BENCH=1 stops after the 1,000 frames. Every timed command starts after the previous
# outputs were deleted and `sync` returned, and the order of the three ways of rendering
# 1,000 frames turns with each run, so that no variant pays for another's deletions.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shards=${2:-$(nproc)}
bin=.build/release/render-fit
[[ -x $bin ]] || swift build -c release --product render-fit
parallel --version 2>/dev/null | grep -q "GNU parallel" || { echo "bench-shards.sh: needs GNU parallel (Scripts/setup.sh --with-parallel)" >&2; exit 69; }
size=()
if [[ -n ${SIZE:-} ]]; then
    [[ $SIZE =~ ^([0-9]+)x([0-9]+)$ ]] || { echo "bench-shards.sh: SIZE '$SIZE' is not WxH, e.g. 1920x1080" >&2; exit 64; }
    size=(--width "${BASH_REMATCH[1]}" --height "${BASH_REMATCH[2]}")
fi
work=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/render-fit-bench-shards.XXXXXX")
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
settle() { rm -rf "$@"; sync; sleep 0.5; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $runs runs, $shards shards, frames of ${SIZE:-640x480} in $work"
: > "$work/one"; : > "$work/sharded"; : > "$work/merge"; : > "$work/shell"; : > "$work/parallel-alone"
one() {
    settle "$work/a"
    local t0; t0=$(now)
    "$bin" --out "$work/a" --iterations 999 --jobs "$shards" "${size[@]}" --quiet
    echo "$(now) - $t0" | bc >> "$work/one"
}
by_parallel() {
    settle "$work/b"
    local t0 t1; t0=$(now)
    parallel --will-cite --halt now,fail=1 "$bin" --out "$work/b" --iterations 999 --shard "{}/$shards" --jobs 1 "${size[@]}" --quiet ::: $(seq "$shards")
    t1=$(now)
    "$bin" merge --out "$work/b" --quiet
    echo "$t1 - $t0" | bc >> "$work/sharded"
    echo "$(now) - $t1" | bc >> "$work/merge"
}
by_shell() {
    settle "$work/c"
    local t0; t0=$(now)
    for i in $(seq "$shards"); do "$bin" --out "$work/c" --iterations 999 --shard "$i/$shards" --jobs 1 "${size[@]}" --quiet & done
    wait
    echo "$(now) - $t0" | bc >> "$work/shell"
}
variants=(one by_parallel by_shell)
for run in $(seq "$runs"); do
    for k in 0 1 2; do "${variants[$(( (run + k) % 3 ))]}"; done
    # GNU parallel starting nothing: its own cost.
    t0=$(now)
    parallel --will-cite true ::: $(seq "$shards")
    echo "$(now) - $t0" | bc >> "$work/parallel-alone"
    cmp -s "$work/a/manifest.json" "$work/b/manifest.json" || { echo "bench-shards.sh: merged manifest differs from one run's" >&2; exit 1; }
done
one=$(median < "$work/one"); sharded=$(median < "$work/sharded"); merge=$(median < "$work/merge")
shell=$(median < "$work/shell"); alone=$(median < "$work/parallel-alone")
printf '1,000 frames: one run --jobs %s %.2f s; %s shards --jobs 1 started by GNU parallel %.2f s (%.3fx), then the merge %.2f s; started by the shell %.2f s (%.3fx); GNU parallel starting %s `true`s %.2f s\n' \
    "$shards" "$one" "$shards" "$sharded" "$(echo "$sharded / $one" | bc -l)" "$merge" \
    "$shell" "$(echo "$shell / $one" | bc -l)" "$shards" "$alone"
[[ ${SKIP_MERGE_BENCH:-} == 1 ]] && { echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"; exit 0; }

# 10,000 frames: rendered once into shard folders and a shared folder, merged RUNS times.
rm -rf "$work/a" "$work/b"
parallel --will-cite "$bin" --out "$work/part-{}" --iterations 9999 --shard "{}/$shards" --jobs 1 "${size[@]}" --quiet ::: $(seq "$shards")
: > "$work/render"; : > "$work/merge-linked"; : > "$work/merge-shared"
for run in $(seq "$runs"); do
    settle "$work/full"
    t0=$(now)
    "$bin" --out "$work/full" --iterations 9999 --jobs "$shards" "${size[@]}" --quiet
    t1=$(now)
    echo "$t1 - $t0" | bc >> "$work/render"
    settle "$work/merged"
    t0=$(now)
    "$bin" merge --out "$work/merged" "$work"/part-* --quiet
    echo "$(now) - $t0" | bc >> "$work/merge-linked"
    # The shared-folder case: frames already in place (the copy is not timed).
    settle "$work/shared"
    mkdir "$work/shared"
    cp -l "$work"/part-*/* "$work/shared/"
    sync
    t0=$(now)
    "$bin" merge --out "$work/shared" --quiet
    echo "$(now) - $t0" | bc >> "$work/merge-shared"
done
(cd "$work/full" && sha256sum frame_*.png history.csv manifest.json) > "$work/full.sha256"
(cd "$work/merged" && sha256sum --quiet -c "$work/full.sha256") || { echo "bench-shards.sh: merged folder differs" >&2; exit 1; }
render=$(median < "$work/render"); linked=$(median < "$work/merge-linked"); shared=$(median < "$work/merge-shared")
printf '10,000 frames: rendering (--jobs %s) %.2f s; merge from %s folders (hard links) %.3f s (%.1f %%); merge in the shared folder %.3f s (%.1f %%)\n' \
    "$shards" "$render" "$shards" "$linked" "$(echo "100 * $linked / $render" | bc -l)" "$shared" "$(echo "100 * $shared / $render" | bc -l)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
