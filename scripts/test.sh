#!/usr/bin/env bash
# Sets up (see setup.sh), then checks and tests every package: Biome's lint and format check
# (`pnpm check`: formatting and lint over source and tests, nothing written), then one turbo run of
# `typecheck` (tsc over each package's src and tests; jest's swc transform strips types without
# checking them) and `test`, side by side.
# Live PostgreSQL / MariaDB tests use the local servers and skip, saying so, when they are down;
# set ALEMBIC_TEST_REQUIRE_SERVERS=1 (as .ci/run does) to make a missing server a failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./scripts/setup.sh
# The Node setup.sh chose (the machine's when >= 22.15, else the local Node 24).
# shellcheck source=scripts/use-node.sh
source scripts/use-node.sh
use_node
pnpm check
# --continue: a failing package does not cancel the others, so one run lists every failure.
pnpm exec turbo run typecheck test --continue=dependencies-successful
