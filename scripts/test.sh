#!/usr/bin/env bash
# `npm test`: every check and every test, in the order that fails fastest.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1

step() { printf '\n== %s\n' "$1"; }

step "Type check (tsc)"
npm run --silent typecheck
step "Lint (eslint)"
npm run --silent lint
step "Schema and migrations agree"
npm run --silent db:check-migrations
step "Unit tests (vitest)"
npx vitest run --project unit
step "Integration tests against a fresh SQLite database (vitest)"
npx vitest run --project integration
step "Browser tests (Playwright on a production build)"
npm run --silent test:e2e
printf '\nAll checks and tests passed.\n'
