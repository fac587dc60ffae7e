#!/usr/bin/env bash
# Starts the machine's PostgreSQL server (Debian's `postgresql` package) on 127.0.0.1 and makes
# sure TimeTap's test role exists. Prints the URL tests use as TEST_DATABASE_URL: each test file
# creates, and drops, a database of its own there.
set -euo pipefail
# Only the URL goes to stdout: callers capture it. Everything the PostgreSQL tools print (on a
# machine running systemd, pg_ctlcluster prints warnings to stdout) goes to stderr.
exec 3>&1 1>&2

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2
  exit 1
fi
cluster=$(pg_lsclusters --no-header | head -n 1)
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  pg_createcluster "$version" main >/dev/null
  cluster=$(pg_lsclusters --no-header | head -n 1)
fi
read -r version name port status _ <<<"$cluster"
if [ "$status" != "online" ]; then
  # Started directly, the same way with or without systemd.
  _SYSTEMCTL_SKIP_REDIRECT=1 pg_ctlcluster "$version" "$name" start 3>&-
fi
as_postgres() { (cd / && runuser -u postgres -- "$@"); }
as_postgres psql -q -p "$port" -v ON_ERROR_STOP=1 <<'SQL' >/dev/null
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'timetap') THEN
    CREATE ROLE timetap LOGIN CREATEDB PASSWORD 'timetap';
  END IF;
END $$;
-- Each test file drops its database WITH (FORCE), which must also end an autovacuum worker
-- busy there; since PostgreSQL 15 that takes pg_signal_backend.
GRANT pg_signal_backend TO timetap;
SQL
if ! as_postgres psql -tA -p "$port" -c "SELECT 1 FROM pg_database WHERE datname = 'timetap'" | grep -q 1; then
  as_postgres createdb -p "$port" -O timetap timetap
fi
echo "postgres://timetap:timetap@127.0.0.1:${port}/timetap" >&3
