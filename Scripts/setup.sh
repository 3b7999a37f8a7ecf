#!/usr/bin/env bash
# Installs what render-fit needs to build and run: cairo, libpng, pkg-config, the DejaVu
# fonts (the figures are drawn in DejaVu Sans) and rsvg-convert (for SVG snapshot tests).
# Idempotent: when everything is already present it does nothing.
#
#   Scripts/setup.sh                 # the libraries and fonts
#   Scripts/setup.sh --with-ffmpeg   # also ffmpeg (MP4/WebM/GIF animations)
#   Scripts/setup.sh --with-gnuplot  # also gnuplot (only for Scripts/bench.sh peers)
#   Scripts/setup.sh --with-xmllint  # also xmllint (the tests parse every SVG with it)
#   Scripts/setup.sh --with-chromium # also chromium, python3 and xmllint (the tests of
#                                    # compare-images' HTML report and JUnit XML)
#   Scripts/setup.sh --with-parallel # also GNU parallel (the test of shards and merge)
set -euo pipefail

want_ffmpeg=0
want_gnuplot=0
want_xmllint=0
want_chromium=0
want_parallel=0
for arg in "$@"; do
    case "$arg" in
        --with-ffmpeg) want_ffmpeg=1 ;;
        --with-gnuplot) want_gnuplot=1 ;;
        --with-xmllint) want_xmllint=1 ;;
        --with-chromium) want_chromium=1 ;;
        --with-parallel) want_parallel=1 ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "setup.sh: unknown option '$arg' (allowed: --with-ffmpeg, --with-gnuplot, --with-xmllint, --with-chromium, --with-parallel)" >&2; exit 64 ;;
    esac
done

have_fonts() {
    if command -v fc-list >/dev/null 2>&1; then
        fc-list 2>/dev/null | grep -q "DejaVuSans.ttf" && return 0
    fi
    for dir in /usr/share/fonts /usr/local/share/fonts "$HOME/Library/Fonts" /Library/Fonts /opt/homebrew/share/fonts; do
        [ -d "$dir" ] && find "$dir" -name 'DejaVuSans.ttf' 2>/dev/null | grep -q . && return 0
    done
    return 1
}

missing=()
if ! command -v pkg-config >/dev/null 2>&1; then
    missing+=(pkg-config libcairo2-dev libpng-dev)
else
    pkg-config --exists cairo || missing+=(libcairo2-dev)
    pkg-config --exists libpng16 || missing+=(libpng-dev)
fi
have_fonts || missing+=(fonts-dejavu-core)
# rsvg-convert rasterises SVG snapshots (FigureSnapshotTesting's .svg strategy).
command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)
[ "$want_ffmpeg" = 1 ] && ! command -v ffmpeg >/dev/null 2>&1 && missing+=(ffmpeg)
[ "$want_gnuplot" = 1 ] && ! command -v gnuplot >/dev/null 2>&1 && missing+=(gnuplot-nox)
# GNU parallel, not moreutils' parallel (which takes other options): check its banner.
[ "$want_parallel" = 1 ] && ! parallel --version 2>/dev/null | grep -q "GNU parallel" && missing+=(parallel)
[ "$want_xmllint" = 1 ] && ! command -v xmllint >/dev/null 2>&1 && missing+=(libxml2-utils)
if [ "$want_chromium" = 1 ]; then
    if [ "$(uname -s)" = "Darwin" ]; then
        # macOS: Chrome or Chromium is installed by hand; python3 and xmllint come with the system.
        :
    else
        command -v chromium >/dev/null 2>&1 || missing+=(chromium)
        command -v python3 >/dev/null 2>&1 || missing+=(python3)
        command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
    fi
fi

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

if [ "$(uname -s)" = "Darwin" ]; then
    brew_pkgs=()
    for p in "${missing[@]}"; do
        case "$p" in
            libcairo2-dev) brew_pkgs+=(cairo) ;;
            libpng-dev) brew_pkgs+=(libpng) ;;
            pkg-config) brew_pkgs+=(pkg-config) ;;
            fonts-dejavu-core) brew_pkgs+=(font-dejavu) ;;
            gnuplot-nox) brew_pkgs+=(gnuplot) ;;
            librsvg2-bin) brew_pkgs+=(librsvg) ;;
            *) brew_pkgs+=("$p") ;;
        esac
    done
    if ! command -v brew >/dev/null 2>&1; then
        echo "setup.sh: missing ${brew_pkgs[*]}; install Homebrew, then run: brew install ${brew_pkgs[*]}" >&2
        exit 1
    fi
    echo "setup.sh: brew install ${brew_pkgs[*]}" >&2
    brew install "${brew_pkgs[@]}"
    exit 0
fi

# Deduplicate (pkg-config may have added the libraries twice).
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | awk '!seen[$0]++')
command_line="apt-get update && apt-get install -y ${missing[*]}"

if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup.sh: missing ${missing[*]} and no apt-get here; install the equivalent packages of your system (cairo, libpng 1.6, pkg-config, DejaVu fonts, librsvg's rsvg-convert)." >&2
    exit 1
fi

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        echo "setup.sh: sudo $command_line" >&2
        sudo apt-get update -qq
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
        exit 0
    fi
    echo "setup.sh: missing ${missing[*]}. Run as root: sudo sh -c '$command_line'" >&2
    exit 1
fi

echo "setup.sh: installing ${missing[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
