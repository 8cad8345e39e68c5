#!/usr/bin/env bash
# Makes sure a Chromium exists for the browser tests, saying what it does:
#   1. CHROMIUM_PATH, or a system Chromium already installed: use it.
#   2. Otherwise Playwright's own installer (works where its download host is reachable).
#   3. Otherwise the system package manager (Debian/Ubuntu apt-get, as root or with sudo).
set -uo pipefail

for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    echo "ensure-chromium: using $candidate"
    exit 0
  fi
done

if npx --no-install playwright install --list 2>/dev/null | grep -q "chromium-"; then
  echo "ensure-chromium: using Playwright's installed Chromium"
  exit 0
fi

echo "ensure-chromium: no Chromium found; trying Playwright's installer (npx playwright install chromium)..."
if timeout 180 npx --no-install playwright install chromium; then
  echo "ensure-chromium: installed Playwright's Chromium"
  exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; else
      echo "ensure-chromium: Playwright's download failed and apt-get needs root; install Chromium (apt-get install chromium) or set CHROMIUM_PATH." >&2
      exit 1
    fi
  fi
  echo "ensure-chromium: Playwright's download failed; installing Debian's chromium package with apt-get..."
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
  if [ -x /usr/bin/chromium ]; then
    echo "ensure-chromium: installed /usr/bin/chromium"
    exit 0
  fi
fi

echo "ensure-chromium: could not obtain Chromium. Install it with your package manager, or set CHROMIUM_PATH to a Chromium or Chrome binary." >&2
exit 1
