#!/usr/bin/env bash
# Runs the whole test suite: installs what the tests need (Scripts/setup.sh, with ffmpeg
# so that the MP4/GIF tests run, and chromium, python3 and xmllint for compare-images'
# HTML report and JUnit tests, xmllint also for the SVG checks, GNU parallel for the test of
# shards and merge), then `swift test`, then the tests of the
# swift-snapshot-testing strategies (see below). Extra arguments go to `swift test`, e.g.
# `Scripts/test.sh --filter FitTrainerTests`.
#
# The tests run with a temporary directory of their own (TMPDIR), and the run fails when they
# left anything of ours in it (Scripts/temp-leftovers.sh; the compiler's and SwiftPM's files
# there are not ours). It is removed after a passing run, kept (and named) after a failing one.
# KEEP_SNAPSHOT_SANDBOX=1 keeps the snapshot tests' folders on purpose: then the tests use the
# usual TMPDIR and nothing is checked.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh --with-ffmpeg --with-chromium --with-xmllint --with-parallel
scratch=
if [ -z "${KEEP_SNAPSHOT_SANDBOX:-}" ]; then
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/render-fit-test-run.XXXXXX")
    trap 'if [ $? -eq 0 ]; then rm -rf "$scratch"; else echo "test.sh: the temporary directory of the tests is kept: $scratch" >&2; fi' EXIT
    export TMPDIR=$scratch
fi
swift test "$@"
# render-fit's strategies for swift-snapshot-testing are built only with the package trait
# SwiftSnapshotTesting. Examples/snapshot-testing-user is a package that enables it, as a
# user's does; testing it builds just the modules that product needs (about a third of the
# root package), in .build-snapshot-testing. Skipped when arguments select tests.
if [ $# -eq 0 ]; then
    swift test --package-path Examples/snapshot-testing-user --scratch-path "$PWD/.build-snapshot-testing"
fi
if [ -n "$scratch" ]; then
    Scripts/temp-leftovers.sh "$scratch"
fi
