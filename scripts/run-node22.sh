#!/usr/bin/env bash
# Runs node with the given arguments on Node.js >= 22 (installed from the npm registry when the
# machine's node is older; see ensure-node22.sh). The Backstage backend needs 22 or 24.
set -euo pipefail
node22=$(bash "$(dirname "$0")/ensure-node22.sh")
exec "$node22" "$@"
