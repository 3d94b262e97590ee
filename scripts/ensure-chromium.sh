#!/usr/bin/env bash
# Makes sure the browser tests (test/devx/browser.e2e-spec.ts) have a Chromium: Debian's
# `chromium` package at /usr/bin/chromium, or whatever CHROMIUM_PATH names. Installs it with
# apt-get when missing and allowed (root, or sudo without a password); otherwise says how.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0

install() { DEBIAN_FRONTEND=noninteractive "$@" apt-get install -y -qq chromium >/dev/null; }
echo "[chromium] $chromium not found: installing Debian's chromium package"
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && install
elif command -v apt-get >/dev/null && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq && install sudo
fi
if [ ! -x "$chromium" ]; then
  echo "[chromium] could not install it: run 'sudo apt-get install chromium' or set CHROMIUM_PATH" >&2
  exit 1
fi
