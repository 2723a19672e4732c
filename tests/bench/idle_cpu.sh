#!/usr/bin/env bash
# Idle cost: the kiosk in a real window under Xvfb, untouched on the start screen (attract slideshow
# running), its processor time read from /proc/PID/stat over SECONDS after a warm-up. Prints one JSON
# object. usage: tests/bench/idle_cpu.sh [BUILD_DIR] [SECONDS] [WxH]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
secs=${2:-60}
size=${3:-1920x1080}
warm=10
# Everything runs inside the virtual display's session, so the kiosk's PID is known exactly.
xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
  "$1/bin/wegweiser" --windowed "$3" --content "$1/content.db" --now 2022-09-07T10:30 2>/dev/null &
  pid=$!
  sleep "$4"
  ticks() { awk "{print \$14 + \$15}" /proc/$pid/stat; }
  a=$(ticks); sleep "$2"; b=$(ticks)
  kill $pid; wait $pid 2>/dev/null || true
  hz=$(getconf CLK_TCK)
  awk -v t=$((b - a)) -v hz="$hz" -v s="$2" -v size="$3" "BEGIN {
    printf \"{\\\"idle_cpu\\\": {\\\"window\\\": \\\"%s\\\", \\\"seconds\\\": %d, \\\"cpu_seconds\\\": %.2f, \\\"percent_of_a_core\\\": %.2f}}\\n\", size, s, t / hz, 100 * t / hz / s }"
' _ "$build" "$secs" "$size" "$warm"
