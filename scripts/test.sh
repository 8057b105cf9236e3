#!/usr/bin/env bash
# Sets up (see setup.sh), then runs `pnpm test`: Biome's lint and format check (`pnpm check`,
# source and tests, nothing written), then one turbo run of `typecheck` (tsc over each package's
# src and tests; jest's swc transform strips types without checking them) and `test`.
# Live PostgreSQL / MariaDB tests use the local servers and are not run, saying so, when they are down;
# set ALEMBIC_TEST_REQUIRE_SERVERS=1 (as .ci/run does) to make a missing server a failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./scripts/setup.sh
# The Node setup.sh chose (the machine's when >= 22.15, else the local Node 24).
# shellcheck source=scripts/use-node.sh
source scripts/use-node.sh
use_node
# `pnpm test`: Biome's check, then typecheck and test in one turbo run (--continue: a failing
# package does not cancel the others, so one run lists every failure).
pnpm test
