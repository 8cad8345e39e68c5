#!/usr/bin/env bash
# The server the browser tests run against: a production build on a database
# made fresh for the run, in a far-east time zone so that any date that moved
# with the server's zone would show.
set -euo pipefail
export DATABASE_URL="${E2E_DATABASE_URL:-file:./.data/e2e.db}"
# better-auth accepts sign-ins only from its own origin: the address the browser tests use.
export BETTER_AUTH_URL="http://127.0.0.1:${E2E_PORT:-3100}"
# SQLite (the default) or PostgreSQL (E2E_DATABASE_URL=postgresql://…/timeline_test_e2e…), emptied first.
node_modules/.bin/tsx scripts/e2e-reset-database.ts "$DATABASE_URL"
node_modules/.bin/tsx scripts/db-prepare.ts
# Pages render in two processes whatever the machine's cores, so every test of cached pages also checks that
# the render process serves data as fresh as the server's.
export RENDER_PROCESSES="${RENDER_PROCESSES:-2}"
# The same server as `npm start`, which takes the client address from the socket.
exec env NODE_ENV=production TZ="${E2E_SERVER_TZ:-Pacific/Kiritimati}" node --import tsx scripts/serve.ts --port "${E2E_PORT:-3100}" --hostname 127.0.0.1
