#!/usr/bin/env bash
# Builds one Backstage package of host-adapter/ the Backstage way, in its own folder:
# declarations with tsc into <repo>/dist-types (what `backstage-cli package build` bundles
# into dist/*.d.ts), then `backstage-cli package build [args]` (e.g. --module-federation).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rm -rf dist "$root/dist-types/host-adapter/$(basename "$PWD")"
npx tsc -p tsconfig.json --noEmit false --declaration --emitDeclarationOnly --outDir "$root/dist-types" --rootDir "$root"
set +e
bash "$root/scripts/backstage-cli.sh" package build "$@" > "$root/.cache/backstage-build.log" 2>&1
status=$?
set -e
grep -v 'No CLI modules found\|fallback will be removed' "$root/.cache/backstage-build.log" || true
[ "$status" -eq 0 ] || exit "$status"
if [[ " $* " == *" --module-federation "* ]]; then
  test -f dist/mf-manifest.json || { echo "backstage-cli package build --module-federation produced no dist/mf-manifest.json" >&2; exit 1; }
else
  test -f dist/index.d.ts || { echo "backstage-cli package build produced no dist/index.d.ts" >&2; exit 1; }
fi
