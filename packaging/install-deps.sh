#!/usr/bin/env bash
# Installs the Debian packages that building, running and testing Wegweiser need.
# Only what is missing is installed, non-interactively; as root or through sudo.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libimgui-dev libglfw3-dev libgl-dev libfreetype-dev libstb-dev
  libsqlite3-dev sqlite3 doctest-dev libtomlplusplus-dev libpugixml-dev nlohmann-json3-dev
  libqrencode-dev libespeak-ng-dev libasound2-dev libsystemd-dev
  fonts-inter fonts-noto-core fonts-fork-awesome tzdata
  xvfb xauth time
)
# `make fuzz` only: libFuzzer comes with Debian's clang.
if [ "${WW_DEPS_FUZZ:-0}" = 1 ]; then packages+=(clang-14 libclang-rt-14-dev); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo -n)
else
  echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
