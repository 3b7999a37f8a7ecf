#!/usr/bin/env bash
# Runs the whole test suite: installs what the tests need (Scripts/setup.sh, with ffmpeg
# so that the MP4/GIF tests run), then `swift test`. Extra arguments go to `swift test`,
# e.g. `Scripts/test.sh --filter FitTrainerTests`.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh --with-ffmpeg --with-xmllint
exec swift test "$@"
