#!/usr/bin/env bash
# Sets up a fresh clone: pnpm 10 (pinned), Node >= 22.15 (see use-node.sh), the dependencies
# (sqlite3 builds from source where no prebuilt binary can be fetched) and the build of every
# package. Scripts that source this one's environment (test.sh, demo.sh) call it first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PNPM_VERSION=10.34.9
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION"
  npm i -g "pnpm@$PNPM_VERSION" >/dev/null
fi

# Node 22.15 or newer: the machine's, or Node 24 installed from the npm registry into .tools/
# (see use-node.sh; after pnpm's install, which lands next to the machine's npm).
# shellcheck source=scripts/use-node.sh
source "$(dirname "${BASH_SOURCE[0]}")/use-node.sh"
use_node
echo "setup: Node $(node --version)"

pnpm install --frozen-lockfile
pnpm build
