#!/usr/bin/env bash
# Installs Debian's Chromium (and a font) for the browser tests, if no Chromium is found.
# Playwright's own browser download does not work here: the tests drive the system Chromium.
set -euo pipefail
for p in "${CHROME_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  if [[ -n "$p" && -x "$p" ]]; then echo "Chromium found: $p"; exit 0; fi
done
if ! command -v apt-get >/dev/null; then
  echo "No Chromium and no apt-get: install Chromium and set CHROME_PATH to run the browser tests." >&2
  exit 0
fi
SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
$SUDO apt-get update
$SUDO apt-get install -y chromium fonts-liberation
