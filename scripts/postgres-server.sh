#!/usr/bin/env bash
# A private PostgreSQL server for tests, the benchmark and local development, run by an unprivileged user:
#
#   bash scripts/postgres-server.sh start   # installs PostgreSQL if missing, starts the cluster, prints its URL
#   bash scripts/postgres-server.sh url     # prints the URL of the running cluster
#   bash scripts/postgres-server.sh stop
#
# PG_DIR holds the cluster (default: a folder under /tmp named for this checkout, which the "postgres" user can
# own when this runs as root); it listens on 127.0.0.1 only, on PG_PORT or else the first free port from 55432
# (kept in $PG_DIR/port while it runs).
# The cluster trusts local connections from its own role "timeline": it is for this machine's tests, not for
# production (README, "PostgreSQL"). PostgreSQL 13 or later; Debian's package is 15.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_DIR="${PG_DIR:-${TMPDIR:-/tmp}/timeline-postgres-$(printf %s "$PWD" | cksum | cut -d ' ' -f 1)}"
ROLE=timeline

say() { echo "postgres-server: $*" >&2; }

find_bin() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$newest" ] && [ -x "$newest/initdb" ]; then echo "$newest"; return; fi
  return 1
}

install_postgres() {
  if ! command -v apt-get >/dev/null 2>&1; then
    say "PostgreSQL is not installed and there is no apt-get here: install PostgreSQL 13 or later, or set TEST_POSTGRES_URL."
    exit 1
  fi
  local sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; else
      say "PostgreSQL is not installed and apt-get needs root: install the postgresql package, or set TEST_POSTGRES_URL."
      exit 1
    fi
  fi
  say "installing Debian's postgresql package with apt-get..."
  # The package's own cluster is not needed: a private one is started below.
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
  $sudo_cmd pg_ctlcluster --help >/dev/null 2>&1 && for cluster in /etc/postgresql/*/main; do
    [ -d "$cluster" ] || continue
    version=$(basename "$(dirname "$cluster")")
    $sudo_cmd pg_ctlcluster "$version" main stop >/dev/null 2>&1 || true
  done
}

# initdb and postgres refuse to run as root: root runs them as the "postgres" user the package creates.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if id postgres >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      say "running as root and there is no postgres user to own the cluster"; exit 1
    fi
  else
    "$@"
  fi
}

url() {
  [ -f "$PG_DIR/port" ] || { say "not running (no $PG_DIR/port): run $0 start"; exit 1; }
  echo "postgresql://$ROLE@127.0.0.1:$(cat "$PG_DIR/port")/postgres"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  if [ -n "${PG_PORT:-}" ]; then echo "$PG_PORT"; return; fi
  local port
  for port in $(seq 55432 55632); do
    port_in_use "$port" || { echo "$port"; return; }
  done
  say "no free port from 55432 to 55632"; exit 1
}

start() {
  local bin
  bin=$(find_bin) || { install_postgres; bin=$(find_bin); }
  mkdir -p "$PG_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
  if [ ! -f "$PG_DIR/PG_VERSION" ]; then
    say "creating a cluster in $PG_DIR"
    as_owner "$bin/initdb" -D "$PG_DIR" -U "$ROLE" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if as_owner "$bin/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
    say "already running"
  else
    local port
    port=$(free_port)
    # Tuned for tests: nothing here needs to survive a power loss.
    as_owner "$bin/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null
    echo "$port" > "$PG_DIR/port"
    say "started on port $port (log: $PG_DIR/server.log)"
  fi
  url
}

stop() {
  local bin
  bin=$(find_bin) || exit 0
  [ -f "$PG_DIR/PG_VERSION" ] || exit 0
  as_owner "$bin/pg_ctl" -D "$PG_DIR" -m fast stop >/dev/null 2>&1 || true
  rm -f "$PG_DIR/port"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  *) say "usage: $0 start|stop|url"; exit 2 ;;
esac
