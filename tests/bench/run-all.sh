#!/usr/bin/env bash
# Every benchmark, one JSON summary on standard output (progress on standard error): content build,
# frame build per screen with the sample and with generated stress content (startup and memory
# included), routing, search per keystroke, idle processor time under Xvfb over 60 s, and the gallery
# swipe (minutes; BENCH_GALLERY=0 leaves it out). docs/PERFORMANCE.md says how to read the figures.
# usage: tests/bench/run-all.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
bin=$build/bin
step() { echo "bench: $*" >&2; }

step "content build (sample and sample + 200 photos)"
content=$(tests/bench/content_build.sh "$build")
step "frame build, sample content, 1920x1080 and 1080x1920"
frames_landscape=$("$bin/wegweiser" --headless --bench --content "$build/content.db" 2>/dev/null)
frames_portrait=$("$bin/wegweiser" --headless --bench --windowed 1080x1920 --content "$build/content.db" 2>/dev/null)
step "routing"
routing=$("$bin/bench-routing")
"$bin/bench-routing" --write-large "$build/bench-large.db" >/dev/null
step "frame build, generated stress content"
frames_stress=$("$bin/wegweiser" --headless --bench --content "$build/bench-large.db" --kiosk kl0-sued 2>/dev/null)
step "search per keystroke"
search=$("$bin/bench-search")
step "idle processor time under Xvfb (70 s)"
idle=$(tests/bench/idle_cpu.sh "$build" 60)
gallery=null
if [ "${BENCH_GALLERY:-1}" != 0 ]; then
  step "gallery swipe under Xvfb (about 15 minutes)"
  gallery=$(tests/bench/gallery.sh "$build")
fi

printf '{"date": "%s", "commit": "%s", "machine": "%s, %s cores, %s MB", "content": %s, "frames": {"sample_1920x1080": %s, "sample_1080x1920": %s, "stress": %s}, "routing": %s, "search": %s, "idle": %s, "gallery": %s}\n' \
  "$(date -u +%Y-%m-%dT%H:%MZ)" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" "$(nproc)" \
  "$(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo)" \
  "$content" "$frames_landscape" "$frames_portrait" "$frames_stress" "$routing" "$search" "$idle" "$gallery"
