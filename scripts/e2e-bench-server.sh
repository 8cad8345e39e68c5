#!/usr/bin/env bash
# The server of the "bench" browser tests: the same production build as
# scripts/e2e-server.sh, one port up, on its own database holding the default
# dataset plus the benchmark's 10,000 synthetic events (imported through
# `npm run data:import`, as an admin would), so layout and keyboard checks
# also run against an archive at scale.
set -euo pipefail
port=$(( ${E2E_PORT:-3100} + 1 ))
export DATABASE_URL="${E2E_BENCH_DATABASE_URL:-file:./.data/e2e-bench.db}"
export BETTER_AUTH_URL="http://127.0.0.1:${port}"
db_file="${DATABASE_URL#file:}"
dataset="${E2E_BENCH_DATASET:-.data/e2e-bench-10000.json}"
mkdir -p "$(dirname "$db_file")" "$(dirname "$dataset")"
rm -f "$db_file" "$db_file-journal" "$db_file-wal" "$db_file-shm"
node_modules/.bin/tsx scripts/db-prepare.ts
# The document is deterministic (a fixed seed), so one written earlier is the same document.
[ -s "$dataset" ] || node_modules/.bin/tsx scripts/e2e-bench-dataset.ts "$dataset" 10000
node_modules/.bin/tsx scripts/data-import.ts "$dataset" > /dev/null
exec env NODE_ENV=production TZ="${E2E_SERVER_TZ:-Pacific/Kiritimati}" node --import tsx scripts/serve.ts --port "$port" --hostname 127.0.0.1
