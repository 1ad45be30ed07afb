#!/usr/bin/env bash
# Runs the pinned @backstage/cli (on Node >= 22) for building the Backstage packages the
# Backstage way (`backstage-cli package build`). It is not a dependency of this repository:
# its peer ranges (jsdom ^27, jest 30) conflict with the repository's test set-up, and npm
# refuses the tree without --legacy-peer-deps, which `npm ci` would then need too. It is
# installed once into .cache/backstage-cli instead.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version=0.36.8
dir="$root/.cache/backstage-cli"
bin="$dir/node_modules/.bin/backstage-cli"
if [ ! -x "$bin" ] || [ "$(node -p "require('$dir/node_modules/@backstage/cli/package.json').version")" != "$version" ]; then
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{ "name": "backstage-cli-tool", "private": true }' > "$dir/package.json"
  (cd "$dir" && npm install --silent --no-audit --no-fund --legacy-peer-deps "@backstage/cli@$version" >&2)
fi
node22=$(bash "$root/scripts/ensure-node22.sh")
PATH="$(dirname "$node22"):$PATH" exec "$bin" "$@"
