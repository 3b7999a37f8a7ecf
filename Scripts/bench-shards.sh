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
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shards=${2:-$(nproc)}
bin=.build/release/render-fit
[[ -x $bin ]] || swift build -c release --product render-fit
parallel --version 2>/dev/null | grep -q "GNU parallel" || { echo "bench-shards.sh: needs GNU parallel (Scripts/setup.sh --with-parallel)" >&2; exit 69; }
work=$(mktemp -d /tmp/render-fit-bench-shards.XXXXXX)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $runs runs, $shards shards"
: > "$work/one"; : > "$work/sharded"; : > "$work/sharded+merge"; : > "$work/shell"; : > "$work/parallel-alone"
for run in $(seq "$runs"); do
    rm -rf "$work/a" "$work/b" "$work/c"
    t0=$(now)
    "$bin" --out "$work/a" --iterations 999 --jobs "$shards" --quiet
    t1=$(now)
    parallel --will-cite --halt now,fail=1 "$bin" --out "$work/b" --iterations 999 --shard "{}/$shards" --jobs 1 --quiet ::: $(seq "$shards")
    t2=$(now)
    "$bin" merge --out "$work/b" --quiet
    t3=$(now)
    # The same shards started by the shell, and GNU parallel starting nothing: its own cost.
    for i in $(seq "$shards"); do "$bin" --out "$work/c" --iterations 999 --shard "$i/$shards" --jobs 1 --quiet & done
    wait
    t4=$(now)
    parallel --will-cite true ::: $(seq "$shards")
    t5=$(now)
    echo "$t1 - $t0" | bc >> "$work/one"
    echo "$t2 - $t1" | bc >> "$work/sharded"
    echo "$t3 - $t1" | bc >> "$work/sharded+merge"
    echo "$t4 - $t3" | bc >> "$work/shell"
    echo "$t5 - $t4" | bc >> "$work/parallel-alone"
    cmp -s "$work/a/manifest.json" "$work/b/manifest.json" || { echo "bench-shards.sh: merged manifest differs from one run's" >&2; exit 1; }
done
one=$(median < "$work/one"); sharded=$(median < "$work/sharded"); merged=$(median < "$work/sharded+merge")
shell=$(median < "$work/shell"); alone=$(median < "$work/parallel-alone")
printf '1,000 frames: one run --jobs %s %.2f s; %s shards --jobs 1 started by GNU parallel %.2f s (%.3fx), with the merge %.2f s (%.3fx); started by the shell %.2f s (%.3fx); GNU parallel starting %s `true`s %.2f s\n' \
    "$shards" "$one" "$shards" "$sharded" "$(echo "$sharded / $one" | bc -l)" "$merged" "$(echo "$merged / $one" | bc -l)" \
    "$shell" "$(echo "$shell / $one" | bc -l)" "$shards" "$alone"

# 10,000 frames: rendered once into shard folders and a shared folder, merged RUNS times.
rm -rf "$work/a" "$work/b"
parallel --will-cite "$bin" --out "$work/part-{}" --iterations 9999 --shard "{}/$shards" --jobs 1 --quiet ::: $(seq "$shards")
: > "$work/render"; : > "$work/merge-linked"; : > "$work/merge-shared"
for run in $(seq "$runs"); do
    rm -rf "$work/full" "$work/merged" "$work/shared"
    t0=$(now)
    "$bin" --out "$work/full" --iterations 9999 --jobs "$shards" --quiet
    t1=$(now)
    "$bin" merge --out "$work/merged" "$work"/part-* --quiet
    t2=$(now)
    # The shared-folder case: frames already in place (the copy is not timed).
    mkdir "$work/shared"
    cp -l "$work"/part-*/* "$work/shared/"
    t3=$(now)
    "$bin" merge --out "$work/shared" --quiet
    t4=$(now)
    echo "$t1 - $t0" | bc >> "$work/render"
    echo "$t2 - $t1" | bc >> "$work/merge-linked"
    echo "$t4 - $t3" | bc >> "$work/merge-shared"
done
(cd "$work/full" && sha256sum frame_*.png history.csv manifest.json) > "$work/full.sha256"
(cd "$work/merged" && sha256sum --quiet -c "$work/full.sha256") || { echo "bench-shards.sh: merged folder differs" >&2; exit 1; }
render=$(median < "$work/render"); linked=$(median < "$work/merge-linked"); shared=$(median < "$work/merge-shared")
printf '10,000 frames: rendering (--jobs %s) %.2f s; merge from %s folders (hard links) %.3f s (%.1f %%); merge in the shared folder %.3f s (%.1f %%)\n' \
    "$shards" "$render" "$shards" "$linked" "$(echo "100 * $linked / $render" | bc -l)" "$shared" "$(echo "100 * $shared / $render" | bc -l)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
