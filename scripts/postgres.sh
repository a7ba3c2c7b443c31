# Start a throwaway PostgreSQL cluster for the API tests; sourced by test.sh.
# Uses Debian's postgresql package, installed when missing. Exports DATABASE_URL.
PG_PORT="${PG_TEST_PORT:-55432}"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

start_test_postgres() {
  if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/postgres" ]; then
    log "cài PostgreSQL (Debian) / installing PostgreSQL"
    apt_install postgresql
  fi
  local bin; bin="$(pg_bin)"
  PG_DIR="$(mktemp -d /tmp/povmap-pg.XXXXXX)"
  # PostgreSQL refuses to run as root: run the cluster as the package's postgres user then.
  local run=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$PG_DIR"; run=(runuser -u postgres --); fi
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  "${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres povmap_test
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/povmap_test"
  trap stop_test_postgres EXIT
  log "PostgreSQL chạy tại / running at $DATABASE_URL"
}

stop_test_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  local run=(); [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
