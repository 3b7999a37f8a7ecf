#!/usr/bin/env bash
# Lists what render-fit's tests left in a temporary directory, and fails when they left anything.
#
#   Scripts/temp-leftovers.sh DIR
#
# Run the tests with their own temporary directory (Foundation's NSTemporaryDirectory, mkdtemp,
# Chromium, Python all honour TMPDIR), then look at it:
#
#   dir=$(mktemp -d); TMPDIR=$dir swift test --filter FitPNGTests; Scripts/temp-leftovers.sh "$dir"
#
# Only the names our tests and libraries give their temporary files count: the compiler's
# TemporaryDirectory.* folders, SwiftPM's lock files and whatever else other tools keep there are
# not ours. Scripts/test.sh runs this after the whole suite. A test that adds a new temporary name
# adds its prefix here.
set -euo pipefail
[[ $# -eq 1 && -d "$1" ]] || { echo "usage: Scripts/temp-leftovers.sh DIR" >&2; exit 64; }

ours=(
    render-fit-                # FitAnimationTests, the fuzz scratch file, FigureSnapshotTesting
    fitpng-tests-              # FitPNGTests
    snapshot-workflow-         # ImageComparisonTests
    snapshot-sandbox-          # ImageSnapshotTestingTests
    line-diff-
    cli-test-                  # CLITests
    compare-images-tests-
    running-
    process-runner-
    csv-loader-                # FitTrainerTests
    sst-render-fit-            # Examples/snapshot-testing-user
    RenderFitStrategiesTests   # swift-snapshot-testing's copies of that package's failures
)
pattern="^($(IFS='|'; echo "${ours[*]}"))"
left=$(ls -A "$1" | grep -E "$pattern" || true)
if [[ -n "$left" ]]; then
    echo "temp-leftovers.sh: the tests left $(wc -l <<< "$left") name(s) in $1:" >&2
    head -n 20 <<< "$left" | sed 's/^/  /' >&2
    exit 1
fi
echo "temp-leftovers.sh: nothing of ours left in $1 ($(ls -A "$1" | wc -l) other name(s))"
