#!/usr/bin/env bash
# Gallery benchmark: swipes through the 200-photo stress gallery three times in a real window under
# Xvfb and prints bench-gallery's JSON line. Builds the stress content first if needed
# (tests/bench/content_build.sh draws it; that takes minutes once).
# usage: tests/bench/gallery.sh [BUILD_DIR] [extra bench-gallery options]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
shift || true
stress=$build/bench-content-200
db=$build/bench-200.db
if [ ! -f "$stress/.complete" ]; then tests/bench/content_build.sh "$build" >/dev/null; fi
if [ ! -f "$db" ] || [ "$stress/photos.csv" -nt "$db" ]; then
  "$build/bin/wegweiser-content" build "$stress" -o "$db" >/dev/null
fi
xvfb-run -a -s "-screen 0 1920x1080x24" "$build/bin/bench-gallery" --content "$db" "$@" 2>/dev/null
