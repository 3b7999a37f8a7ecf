#!/usr/bin/env bash
# Builds and runs one libFuzzer target for SECONDS seconds.
#
#   Scripts/fuzz.sh TARGET SECONDS [LIBFUZZER_FLAG...]
#
# TARGET is csv (CSVDataLoader), png (PNGDecoder with the C bridge, PNGChunk, APNGReader) or
# compare-images (compare-images' ImageFiles.read, then every metric and diff style). The entry
# functions live in Tests/FuzzCorpusTests/FuzzEntryPoints.swift, shared with the corpus tests
# that `swift test` runs; CI never runs the fuzzers themselves.
#
# The fuzzer starts from the committed seeds (Tests/FuzzCorpusTests/Corpus/TARGET) and keeps
# what it grows in .build/fuzz/work/TARGET/corpus; crashes land in .build/fuzz/work/TARGET/findings.
# A finding becomes a regression test once it is copied (minimised with -minimize_crash=1) into
# the committed corpus. One job, one worker and a 2 GB RSS limit: the machine is shared.
set -euo pipefail

usage() {
    echo "usage: Scripts/fuzz.sh csv|png|compare-images SECONDS [LIBFUZZER_FLAG...]" >&2
    exit 64
}
[[ $# -ge 2 ]] || usage
target=$1
seconds=$2
shift 2
case "$target" in
    csv) define=FUZZ_TARGET_CSV dict=csv.dict ;;
    png) define=FUZZ_TARGET_PNG dict=png.dict ;;
    compare-images) define=FUZZ_TARGET_COMPARE_IMAGES dict=png.dict ;;
    *) echo "fuzz.sh: unknown target '$target': expected csv, png or compare-images" >&2; exit 64 ;;
esac
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz.sh: SECONDS must be a positive whole number, got '$seconds'" >&2; exit 64; }

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build_path=.build/fuzz
sanitizers=fuzzer,address

# 1. The libraries, instrumented, with SwiftPM: coverage (-sanitize=fuzzer) and AddressSanitizer
#    for the Swift modules and the C bridge alike. -enable-testing lets the entry file use
#    `@testable import` as the tests do. A separate build path keeps the normal build untouched.
swift_flags=(-c release --build-path "$build_path"
    -Xswiftc -sanitize=$sanitizers -Xswiftc -enable-testing -Xcc -fsanitize=fuzzer-no-link,address)
swift build "${swift_flags[@]}" --target CompareImagesCLI
swift build "${swift_flags[@]}" --target FitTrainer
bin=$(swift build "${swift_flags[@]}" --show-bin-path)

# 2. The fuzzer binary: the shared entry file and libFuzzer's main, linked against the objects
#    of step 1. SwiftPM names the executable module's `main` CompareImagesCLI_main, so linking
#    it does not clash with libFuzzer's `main`.
modules=(FitMessages FitTrainer FitOutput FitPNG CPNGBridge ImageComparison CompareImagesCLI ArgumentParser ArgumentParserToolInfo)
# Only the objects of the module's current sources (SwiftPM lists them in Module.build/sources):
# a source file deleted since an earlier build leaves its stale .o behind.
objects=()
for module in "${modules[@]}"; do
    if [[ -f "$bin/$module.build/sources" ]]; then
        while IFS= read -r source; do
            source=${source#\'}  # paths with spaces are quoted
            source=${source%\'}
            objects+=("$bin/$module.build/$(basename "$source").o")
        done < "$bin/$module.build/sources"
    else  # a C target
        for source in "Sources/$module"/*.c; do objects+=("$bin/$module.build/$(basename "$source").o"); done
    fi
done
binary="$bin/fuzz-$target"
swiftc -O -parse-as-library -sanitize=$sanitizers -D "$define" \
    -I "$bin/Modules" -I Sources/CPNG -Xcc -fmodule-map-file="$bin/CPNGBridge.build/module.modulemap" \
    -Xcc -I -Xcc Sources/CPNGBridge/include \
    Scripts/fuzz/LibFuzzerMain.swift Tests/FuzzCorpusTests/FuzzEntryPoints.swift \
    "${objects[@]}" -lpng16 -lz -o "$binary" 2> >(grep -v "Cannot export local symbol" >&2)

# 3. The run.
work="$build_path/work/$target"
mkdir -p "$work/corpus" "$work/findings"
seeds="Tests/FuzzCorpusTests/Corpus/$target"
cd "$work"
findings_before=$(ls findings | wc -l)
status=0
# -fork=1: one fuzzing child at a time (as -jobs=1 -workers=1 would run), which goes on after a
# crash, a timeout or an out-of-memory and saves each one, so that one run collects every finding.
# -timeout=30: coverage instrumentation makes pixel loops far slower than in a release build: a
# 16-megapixel APNG canvas fill that takes 0.25 s in release took 12 s here (not a finding).
LSAN_OPTIONS="suppressions=$root/Scripts/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
    "$binary" -max_total_time="$seconds" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -rss_limit_mb=2048 -timeout=30 \
    -max_len=16384 -dict="$root/Scripts/fuzz/$dict" -artifact_prefix=findings/ -print_final_stats=1 \
    "$@" corpus "$root/$seeds" || status=$?
echo "fuzz.sh: $target: corpus of $(ls corpus | wc -l) files in $work/corpus;" \
    "$(($(ls findings | wc -l) - findings_before)) new finding(s) in $work/findings"
exit $status
