#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests, the two-instance check and the benchmark.
#
#   tools/postgres.sh start DIR [--fast]   initdb into DIR/data, start on a free loopback port, print PGPORT=N
#   tools/postgres.sh stop DIR             stop it and remove DIR
#
# The server refuses to run as root: as root the cluster belongs to the postgres user (runuser). Only loopback
# connections, trust authentication, user postgres. --fast turns off fsync and synchronous commit (tests only:
# a crash loses the cluster, which is thrown away anyway). UTF8 with the C.UTF-8 character type, so lower() and
# the trigram indexes fold Cyrillic.
set -euo pipefail

bin_dir() {
  local initdb
  initdb=$(dpkg -L postgresql-15 2>/dev/null | grep -E 'bin/initdb$' | head -1 || true)
  [ -n "$initdb" ] || initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$initdb" ]; then
    echo "PostgreSQL server binaries not found (apt-get install postgresql)." >&2
    exit 1
  fi
  dirname "$initdb"
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "No free port found." >&2
  exit 1
}

cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "Usage: $0 start|stop DIR [--fast]" >&2; exit 64; }
bin=$(bin_dir)

case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(free_port)
    opts="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=128MB"
    if [ "${3:-}" = "--fast" ]; then
      opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -o "$opts" -l "$dir/server.log" -w -t 60 start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "PGPORT=$port"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "Usage: $0 start|stop DIR [--fast]" >&2
    exit 64
    ;;
esac
