#!/usr/bin/env bash
# The frontend plugin's Module Federation build (`backstage-cli package build
# --module-federation`), for apps that load plugins at run time through the backend's
# `dynamicPluginsFeatureLoader`. Writes the package as it is installed there, into $1:
# the published package.json and dist/ (the remote). The common package is built and
# resolved as published (its dist/), as an installed plugin sees it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(realpath -m "${1:?usage: build-plugin-mf.sh <output folder>}")"
restore() { (cd "$root/host-adapter/common" && node "$root/scripts/pack-manifest.mjs" postpack); }
trap restore EXIT
(cd "$root/host-adapter/common" && npm run --silent build >/dev/null && node "$root/scripts/pack-manifest.mjs" prepack)
cd "$root/host-adapter/plugin"
bash "$root/scripts/backstage-build.sh" --module-federation
rm -rf "$out" && mkdir -p "$out"
node "$root/scripts/pack-manifest.mjs" prepack
cp package.json "$out/package.json"
node "$root/scripts/pack-manifest.mjs" postpack
cp -r dist "$out/dist"
cp config.d.ts "$out/"
