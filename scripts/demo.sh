#!/usr/bin/env bash
# The main job: sets up (see setup.sh), then walks through a new project in a temporary
# directory with the `alembic` CLI on the embedded SQLite default — nothing to configure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./scripts/setup.sh >/dev/null
# shellcheck source=scripts/use-node.sh
source scripts/use-node.sh
use_node
exec node scripts/demo.mjs
