#!/usr/bin/env bash
# Runs CMD with a throwaway PostgreSQL 15 server, then stops the server, removes its files and
# exits with CMD's status:
#
#   scripts/with-postgres.sh ctest --preset dev
#
# The server lives in a new temporary folder (data, Unix socket and log), listens on 127.0.0.1
# only, on port 55499 if that is free and another free port if not, and trusts local connections.
# Nothing is created in it but the cluster itself. CMD sees:
#   SCORECARD_TEST_PG_URL  postgresql://postgres@127.0.0.1:PORT/postgres
#   SCORECARD_TEST_PG_CTL  a pg_ctl command line for this server: append "stop -m fast" to stop
#                          it and "start" to start it again on the same port and data
# Installs postgresql-15 (scripts/install-deps.sh --postgres) if it is missing. As root the server
# runs as the postgres user (PostgreSQL refuses root); otherwise as the calling user.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: scripts/with-postgres.sh CMD [ARG...]" >&2
  exit 2
fi

here="$(cd "$(dirname "$0")" && pwd)"
PGBIN=/usr/lib/postgresql/15/bin

if [[ ! -x $PGBIN/initdb || ! -x $PGBIN/pg_ctl ]]; then
  if [[ $(id -u) -ne 0 ]] && ! command -v sudo >/dev/null; then
    echo "with-postgres: PostgreSQL 15 is not installed, and installing it needs root or sudo;" \
      "run 'apt-get install postgresql-15' as root, or run this script as root" >&2
    exit 1
  fi
  "$here/install-deps.sh" --postgres >&2
fi

as_server_user=()
if [[ $(id -u) -eq 0 ]]; then
  as_server_user=(runuser -u postgres --)
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

D="$(mktemp -d "${TMPDIR:-/tmp}/scorecard-pg.XXXXXX")"
started=""
stop_server() {
  if [[ -n $started ]]; then
    # Silent, so that CMD's last line (ctest's summary) stays the last line printed.
    "${as_server_user[@]}" "$PGBIN/pg_ctl" -D "$D/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$D"
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$D/data" "$D/sock"
if [[ $(id -u) -eq 0 ]]; then
  chown -R postgres "$D"
fi
if ! "${as_server_user[@]}" "$PGBIN/initdb" -D "$D/data" -U postgres --auth=trust -E UTF8 \
  --locale=C.UTF-8 >"$D/initdb.log" 2>&1; then
  cat "$D/initdb.log" >&2
  echo "with-postgres: initdb failed (above)" >&2
  exit 1
fi

# 55499 if free, else a random port; another try if the server cannot take the one chosen.
port=55499
for attempt in 1 2 3 4 5; do
  while port_in_use "$port"; do port=$((20000 + RANDOM % 40000)); done
  options="-p $port -k $D/sock -c listen_addresses=127.0.0.1"
  if "${as_server_user[@]}" "$PGBIN/pg_ctl" -D "$D/data" -l "$D/log" -w -o "$options" start \
    >/dev/null 2>&1; then
    started=yes
    break
  fi
  port=$((20000 + RANDOM % 40000))
done
if [[ -z $started ]]; then
  cat "$D/log" >&2 2>/dev/null || true
  echo "with-postgres: the PostgreSQL server would not start (log above)" >&2
  exit 1
fi

export SCORECARD_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
export SCORECARD_TEST_PG_CTL="${as_server_user[*]}${as_server_user[*]:+ }$PGBIN/pg_ctl -D $D/data -l $D/log -w -o '$options'"
echo "with-postgres: PostgreSQL 15 at $SCORECARD_TEST_PG_URL (files in $D)"

status=0
"$@" || status=$?
exit "$status"
