#!/usr/bin/env bash
# Takes the documentation screenshots (docs/screenshots/) of every screen in landscape 1920×1080 and
# portrait 1080×1920, from the sample content, under a virtual display.
#   tests/kiosk/make-screenshots.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../../build}"
out="${2:-$here/../../docs/screenshots}"
db="$build/content.db"
[ -f "$db" ] || { echo "make-screenshots: $db missing (run: make content)" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "make-screenshots: xvfb-run missing (apt-get install xvfb)" >&2; exit 2; }
mkdir -p "$out"
shoot() { # orientation size width
    local script
    script="$(mktemp)"
    sed -e "s|\${OUT}|$out/$1|g" -e "s|\${W}|$3|g" "$here/scripts/screenshots.txt" >"$script"
    xvfb-run -a -s "-screen 0 ${2}x24" "$build/bin/wegweiser" --windowed "$2" --content "$db" \
        --now 2022-09-07T10:30 --script "$script"
    rm -f "$script"
}
shoot landscape 1920x1080 960
shoot portrait 1080x1920 540
# The waiting screen: no content database yet.
script="$(mktemp)"
printf 'wait 500\nscreenshot %s/landscape-waiting.png 960\nquit\n' "$out" >"$script"
xvfb-run -a -s "-screen 0 1920x1080x24" "$build/bin/wegweiser" --windowed 1920x1080 --content /nonexistent/content.db --script "$script"
printf 'wait 500\nscreenshot %s/portrait-waiting.png 540\nquit\n' "$out" >"$script"
xvfb-run -a -s "-screen 0 1080x1920x24" "$build/bin/wegweiser" --windowed 1080x1920 --content /nonexistent/content.db --script "$script"
rm -f "$script"
# 200 % text in portrait: the screens reflow (wrapped titles, stacked rows) instead of cutting words.
script="$(mktemp)"
printf '%s\n' 'wait 500' 'tap @nav.a11y' 'tap @a11y.text-200' 'tap @nav.home' 'wait 300' \
    "screenshot $out/portrait-home-text200.png 540" 'tap @nav.program' 'tap @program.view.list' 'wait 300' \
    "screenshot $out/portrait-program-text200.png 540" 'tap @nav.home' 'tap @nav.search' 'type amt' 'wait 300' \
    "screenshot $out/portrait-search-text200.png 540" quit >"$script"
xvfb-run -a -s "-screen 0 1080x1920x24" "$build/bin/wegweiser" --windowed 1080x1920 --content "$db" \
    --now 2022-09-07T10:30 --script "$script"
rm -f "$script"
# Operation: PIN pad, staff menu and the closed screen, with a settings file holding a known PIN.
settings="$(mktemp)"
echo 1234 | "$build/bin/wegweiser" --hash-pin >"$settings"
printf '[hours]\ndaily = "08:00-18:00"\n' >>"$settings"
staff() { # orientation size width
    printf '%s\n' 'clock 2022-09-07T10:30' 'drag 40 40 40 40 3200' 'tap @staff.key.1' 'tap @staff.key.2' \
        'tap @staff.key.ok' 'tap @staff.key.7' "screenshot $out/$1-staff-pin.png $3" 'tap @staff.key.clear' \
        'tap @staff.key.1' 'tap @staff.key.2' 'tap @staff.key.3' 'tap @staff.key.4' 'tap @staff.key.ok' \
        "screenshot $out/$1-staff-menu.png $3" 'tap @staff.close' 'clock 2022-09-07T20:00' 'wait 500' \
        "screenshot $out/$1-closed.png $3" quit >"$script"
    xvfb-run -a -s "-screen 0 ${2}x24" "$build/bin/wegweiser" --windowed "$2" --content "$db" \
        --settings "$settings" --script "$script"
}
script="$(mktemp)"
staff landscape 1920x1080 960
staff portrait 1080x1920 540
rm -f "$script" "$settings"
ls -la "$out"
