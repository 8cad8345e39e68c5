#!/usr/bin/env bash
# `npm test`: every check and every test, in the order that fails fastest.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1

step() { printf '\n== %s\n' "$1"; }

step "Type check (tsc)"
npm run --silent typecheck
step "Lint (eslint)"
npm run --silent lint
# PostgreSQL: TEST_POSTGRES_URL's server, or a private cluster (installed with apt-get when missing).
if [ -z "${TEST_POSTGRES_URL:-}" ]; then
  step "A private PostgreSQL server for the tests (scripts/postgres-server.sh)"
  TEST_POSTGRES_URL=$(bash scripts/postgres-server.sh start)
  export TEST_POSTGRES_URL
fi
step "Schema and migrations agree (SQLite and PostgreSQL)"
npm run --silent db:check-migrations
step "Unit tests (vitest)"
npx vitest run --project unit
step "Integration tests against a fresh SQLite database (vitest)"
TEST_DATABASE=sqlite npx vitest run --project integration
step "Integration tests against a fresh PostgreSQL database (vitest)"
TEST_DATABASE=postgresql npx vitest run --project integration
step "Browser tests (Playwright on a production build, SQLite)"
npm run --silent test:e2e
step "Browser tests again with the server on PostgreSQL (the public pages and the editors' specs)"
E2E_DATABASE_URL="${TEST_POSTGRES_URL%/*}/timeline_test_e2e_$$" npx playwright test
node_modules/.bin/tsx scripts/e2e-reset-database.ts "${TEST_POSTGRES_URL%/*}/timeline_test_e2e_$$" --drop
printf '\nAll checks and tests passed.\n'
