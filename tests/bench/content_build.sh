#!/usr/bin/env bash
# Benchmark of `wegweiser-content build`: the sample event, and the sample event plus 200 generated
# camera-sized photos (4000×3000 JPEG). Prints one JSON object: wall time, peak RSS, CPU use.
# usage: tests/bench/content_build.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
bin=$build/bin
stress=$build/bench-content-200

"$bin/ww-sample-media" content >/dev/null

# The stress folder is drawn once and kept: drawing 200 photos takes minutes.
if [ ! -f "$stress/.complete" ]; then
  rm -rf "$stress"
  mkdir -p "$stress"
  cp content/*.toml content/*.csv "$stress"/
  cp -r content/logos content/photos "$stress"/
  for i in $(seq -w 1 200); do
    printf 'bench-%s,fachausstellung,photos/bench/bench-%s.jpg,Fachausstellung – Bild %s,Exhibition – photo %s,Bench Mark,CC BY 4.0\n' \
      "$i" "$i" "$i" "$i" >> "$stress/photos.csv"
  done
  "$bin/ww-sample-media" "$stress" >/dev/null
  touch "$stress/.complete"
fi

measure() { # DIR NAME
  local out; out=$(mktemp -d)
  /usr/bin/time -f '%e %M %P' -o "$out/time" "$bin/wegweiser-content" build "$1" -o "$out/content.db" >/dev/null
  read -r wall rss cpu < "$out/time"
  local photos; photos=$("$bin/wegweiser-content" stats "$out/content.db" | sed -E 's/.*"photos": ([0-9]+).*/\1/')
  printf '"%s": {"photos": %s, "wall_s": %s, "peak_rss_mb": %d, "cpu_percent": %s}' \
    "$2" "$photos" "$wall" "$((rss / 1024))" "${cpu%\%}"
  rm -rf "$out"
}

printf '{"content_build": {%s, %s}, "cores": %s}\n' \
  "$(measure content sample)" "$(measure "$stress" sample_plus_200_photos)" "$(nproc)"
