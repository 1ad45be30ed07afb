#!/usr/bin/env bash
# Makes sure a Chromium exists for the browser tests. CHROME_PATH overrides the path.
set -euo pipefail
if [ -n "${CHROME_PATH:-}" ]; then
  [ -x "$CHROME_PATH" ] && exit 0
  echo "CHROME_PATH=$CHROME_PATH is not an executable." >&2
  exit 1
fi
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  [ -x "$candidate" ] && exit 0
done
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Chromium is missing: installing Debian's chromium package (about a minute)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
if ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-* >/dev/null 2>&1; then
  exit 0 # Playwright's own browser will be used.
fi
cat >&2 <<'MSG'
No Chromium found. Either:
  - Debian/Ubuntu (as root): apt-get install -y chromium
  - macOS/Windows/other Linux: npx playwright install chromium
  - or point CHROME_PATH at a Chromium/Chrome executable.
MSG
exit 1
