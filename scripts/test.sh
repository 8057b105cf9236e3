#!/usr/bin/env bash
# Sets up (see setup.sh), then checks and tests every package: Biome's lint and format check
# (`pnpm check`, switched on below once the reformat has landed), then one turbo run of
# `typecheck` (tsc over each package's src and tests; jest's swc transform strips types without
# checking them) and `test`, side by side.
# Live PostgreSQL / MariaDB tests use the local servers and skip, saying so, when they are down;
# set ALEMBIC_TEST_REQUIRE_SERVERS=1 (as .ci/run does) to make a missing server a failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./scripts/setup.sh
# TODO(helper G, issue 11): switch on once the lead has committed `pnpm format` (the one
# mechanical reformat) and fixed the lint findings left in the report; until then the format
# check fails on nearly every file.
# pnpm check
# --continue: a failing package does not cancel the others, so one run lists every failure.
pnpm exec turbo run typecheck test --continue=dependencies-successful
