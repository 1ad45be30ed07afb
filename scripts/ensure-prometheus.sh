#!/usr/bin/env bash
# Makes sure Prometheus and Alertmanager exist for the real-peers integration test
# (e2e/grafana-alerts-real.spec.ts). PROMETHEUS_PATH / ALERTMANAGER_PATH override the paths.
set -euo pipefail
prometheus="${PROMETHEUS_PATH:-/usr/bin/prometheus}"
alertmanager="${ALERTMANAGER_PATH:-/usr/bin/prometheus-alertmanager}"
if [ -x "$prometheus" ] && [ -x "$alertmanager" ]; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Prometheus or Alertmanager is missing: installing Debian's packages (about half a minute)…"
  apt-get update -qq
  # The packages' own services (if the system starts them) are not used: the test runs its
  # own processes on its own loopback ports, with temporary config and data folders.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus prometheus-alertmanager >/dev/null
  exit 0
fi
cat >&2 <<'MSG'
Prometheus and Alertmanager are needed for the real-peers test. Either:
  - Debian/Ubuntu (as root): apt-get install -y prometheus prometheus-alertmanager
  - or point PROMETHEUS_PATH and ALERTMANAGER_PATH at the binaries.
MSG
exit 1
