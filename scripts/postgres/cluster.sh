#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the platform's tests and benchmarks (docs/county-scale.md):
# initdb in a temporary folder, byte-order collation (C.UTF-8, what the platform requires), a free
# port on 127.0.0.1, fsync off (nothing here needs to survive a crash of the machine).
#
#   scripts/postgres/cluster.sh start   → prints  PLATFORM_TEST_POSTGRES_URL=… and PGCLUSTER_DIR=…
#   scripts/postgres/cluster.sh stop <dir>
#
# Runs the server as the `postgres` user when started as root (PostgreSQL refuses to run as root).
set -euo pipefail

bin_dir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$found" ] || [ ! -x "$found/initdb" ]; then
    echo "PostgreSQL server binaries not found: apt-get install -y postgresql" >&2
    exit 2
  fi
  echo "$found"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})"
}

case "${1:-}" in
  start)
    bin=$(bin_dir)
    dir=$(mktemp -d /tmp/bianmin-pg-XXXXXX)
    chmod 755 "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    port=$(free_port)
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust --locale=C.UTF-8 --encoding=UTF8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "PLATFORM_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$port/postgres"
    echo "PGCLUSTER_DIR=$dir"
    ;;
  stop)
    dir="${2:?usage: cluster.sh stop <dir>}"
    [ -d "$dir/data" ] || exit 0
    bin=$(bin_dir)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop <dir>" >&2
    exit 2
    ;;
esac
