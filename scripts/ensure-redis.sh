#!/usr/bin/env bash
# Makes sure Debian's redis-server exists for the backend end-to-end test (two backend
# replicas sharing one cache). The package's own service is not used: the test starts its
# own server on a loopback port without persistence.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "redis-server is missing: installing Debian's package…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  exit 0
fi
echo "redis-server is needed for the backend end-to-end test: apt-get install -y redis-server" >&2
exit 1
