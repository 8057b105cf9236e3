#!/usr/bin/env bash
# Sets up (see setup.sh), then runs every package's tests: `pnpm test` (turbo).
# Live PostgreSQL / MariaDB tests use the local servers and skip, saying so, when they are down;
# set ALEMBIC_TEST_REQUIRE_SERVERS=1 (as .ci/run does) to make a missing server a failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./scripts/setup.sh
pnpm test
