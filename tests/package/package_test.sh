#!/bin/sh
# Builds the .deb, installs it with dpkg, runs the installed kiosk and content tool, and purges the
# package so the machine is left as it was. Usage: package_test.sh BUILD_DIR WORK_DIR
set -eu
build="$1"
work="$2/package-test"

if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: the package test installs a .deb with dpkg and needs root (CI runs as root)"
    exit 77
fi
for tool in cpack dpkg dpkg-deb dpkg-shlibdeps; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is missing"; exit 77; }
done
if dpkg-query -W -f='${Status}' wegweiser 2>/dev/null | grep -q 'ok installed'; then
    echo "SKIP: a wegweiser package is already installed on this machine; not touching it"
    exit 77
fi

rm -rf "$work"
mkdir -p "$work"
cleanup() {
    dpkg -P wegweiser >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "== cpack"
(cd "$build" && cpack -G DEB -B "$work" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/wegweiser_*.deb)
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) kB)"
dpkg-deb -f "$deb" Depends
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/wegweiser ./usr/bin/wegweiser-content ./usr/share/wegweiser/content.db \
         ./usr/share/wegweiser/kiosk-session ./usr/lib/systemd/system/wegweiser.service \
         ./usr/share/doc/wegweiser/examples/kiosk.toml.example ./usr/share/doc/wegweiser/examples/push-content.sh; do
    echo "$contents" | grep -q " $f\$" || { echo "FAIL: $f is not in the package"; exit 1; }
done

echo "== dpkg -i"
dpkg -i "$deb"

echo "== installed binaries"
version=$(/usr/bin/wegweiser --version)
echo "$version"
case "$version" in "wegweiser "*) ;; *) echo "FAIL: unexpected --version output"; exit 1 ;; esac
stats=$(/usr/bin/wegweiser-content stats /usr/share/wegweiser/content.db)
echo "$stats"
echo "$stats" | grep -q '"exhibitors"' || { echo "FAIL: stats has no exhibitors count"; exit 1; }
# The installed kiosk starts on the installed database (headless: no display here).
printf 'state\nquit\n' | /usr/bin/wegweiser --headless --content /usr/share/wegweiser/content.db --script - |
    grep -q '"screen":"home"' || { echo "FAIL: the installed kiosk did not show its start screen"; exit 1; }
test -x /usr/bin/wegweiser && getent passwd wegweiser >/dev/null && test -f /var/lib/wegweiser/content.db

echo "== dpkg -P"
dpkg -P wegweiser
test ! -e /usr/bin/wegweiser || { echo "FAIL: /usr/bin/wegweiser left behind"; exit 1; }
! getent passwd wegweiser >/dev/null || { echo "FAIL: user wegweiser left behind"; exit 1; }
echo "package test passed"
