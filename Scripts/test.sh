#!/usr/bin/env bash
# Runs the whole test suite: installs what the tests need (Scripts/setup.sh, with ffmpeg
# so that the MP4/GIF tests run, and chromium, python3 and xmllint for compare-images'
# HTML report and JUnit tests, xmllint also for the SVG checks, GNU parallel for the test of
# shards and merge), then `swift test`, then the tests of the
# swift-snapshot-testing strategies (see below). Extra arguments go to `swift test`, e.g.
# `Scripts/test.sh --filter FitTrainerTests`.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh --with-ffmpeg --with-chromium --with-xmllint --with-parallel
swift test "$@"
# render-fit's strategies for swift-snapshot-testing are built only with the package trait
# SwiftSnapshotTesting. Examples/snapshot-testing-user is a package that enables it, as a
# user's does; testing it builds just the modules that product needs (about a third of the
# root package), in .build-snapshot-testing. Skipped when arguments select tests.
if [ $# -eq 0 ]; then
    swift test --package-path Examples/snapshot-testing-user --scratch-path "$PWD/.build-snapshot-testing"
fi
