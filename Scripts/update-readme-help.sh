#!/usr/bin/env bash
# Replaces the README's command-line reference with the tools' current --help output
# (at 100 columns). Tests/CLITests/ReadmeTests.swift fails when the two drift apart.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product render-fit >/dev/null
swift build --product compare-images >/dev/null
bin=$(swift build --show-bin-path)
# "render-fit merge" is the merge subcommand: the executable, then its words.
for tool in "render-fit" "render-fit merge" "compare-images"; do
    read -r -a words <<< "$tool"
    help=$(COLUMNS=100 "$bin/${words[0]}" "${words[@]:1}" --help)
    awk -v tool="$tool" -v help="$help" '
        $0 ~ "^<!-- BEGIN " tool " --help" { print; print "```text"; print help; print "```"; skipping = 1; next }
        $0 ~ "^<!-- END " tool " --help" { skipping = 0 }
        !skipping { print }
    ' README.md > README.md.tmp
    mv README.md.tmp README.md
done
echo "README.md: command-line reference updated"
