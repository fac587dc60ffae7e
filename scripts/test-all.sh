#!/usr/bin/env bash
# The whole test suite, as CI runs it: static checks, unit + integration tests on the embedded
# database, the database-backed suites again on a real PostgreSQL server, then e2e in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$1"; }

bash scripts/system-deps.sh
[ -d node_modules ] || pnpm install --frozen-lockfile

step "typecheck"
pnpm typecheck
step "lint"
pnpm lint
step "unit + integration tests (embedded PGlite)"
pnpm test
step "database suites on a PostgreSQL server"
TEST_DATABASE_URL=$(bash scripts/test-postgres.sh | tail -n 1)
if [[ "$TEST_DATABASE_URL" != postgres://* ]]; then
  echo "scripts/test-postgres.sh printed no postgres:// URL (got: '$TEST_DATABASE_URL')" >&2
  exit 1
fi
echo "TEST_DATABASE_URL=$TEST_DATABASE_URL"
export TEST_DATABASE_URL
pnpm test:server
step "scale-out proof on the PostgreSQL server (2 web + 2 workers, SIGKILLs)"
pnpm test:scale
unset TEST_DATABASE_URL
step "end-to-end tests (Chromium)"
pnpm test:e2e
step "all tests passed"
