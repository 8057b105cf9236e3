#!/usr/bin/env bash
# A smoke run on another Node major (default 22, CI runs it after the whole suite on Node 24):
# the build, then the CLI end to end on SQLite (the README's demo and the script-loading tests).
# Expects a set-up tree (scripts/setup.sh). sqlite3 is a Node-API addon: the build made for the
# suite's Node loads on this one too.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/use-node.sh
source scripts/use-node.sh
use_node "${1:-22}"
echo "smoke: Node $(node --version)"
pnpm exec turbo run build --force --output-logs=errors-only
demo_log="$(mktemp)"
if ! node scripts/demo.mjs >"$demo_log" 2>&1; then
  cat "$demo_log"
  echo "smoke: the demo failed on Node $(node --version)" >&2
  exit 1
fi
echo "smoke: demo ran ($(grep -c '^\$ alembic' "$demo_log") alembic commands)"
rm -f "$demo_log"
cd packages/cli
pnpm exec jest test/loading-scripts.e2e.test.ts
