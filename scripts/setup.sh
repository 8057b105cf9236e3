#!/usr/bin/env bash
# Sets up a fresh clone: pnpm 10 (pinned), the dependencies (sqlite3 builds from source where
# no prebuilt binary can be fetched) and the build of every package.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PNPM_VERSION=10.34.9
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION"
  npm i -g "pnpm@$PNPM_VERSION" >/dev/null
fi

# node-gyp cannot download Node's headers on a machine without network; use the local ones.
if [ -d /usr/include/node ]; then
  export npm_config_nodedir=/usr
fi

pnpm install --frozen-lockfile
pnpm build
