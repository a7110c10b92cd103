#!/usr/bin/env bash
# Give the tests a PostgreSQL server (Debian 12, run as root).  Idempotent.
#
#   eval "$(bash scripts/postgres.sh)"      # then: pytest
#
# Installs the `postgresql` package if missing, creates and starts a cluster, waits until it
# accepts connections, creates the role and database `isoflow` (password `isoflow`) and prints
# the `export ISOFLOW_TEST_POSTGRES=...` line on stdout (everything else goes to stderr).
set -euo pipefail

ROLE=isoflow
PASSWORD=isoflow
DATABASE=isoflow
HOST=127.0.0.1

log() { echo "postgres.sh: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  log "run me as root (I install packages and start the server)"
  exit 2
fi

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
fi

# The newest installed major version, and its first cluster (create "main" if there is none).
version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
cluster=$(pg_lsclusters --no-header 2>/dev/null | awk -v v="$version" '$1 == v { print $2; exit }')
if [ -z "$cluster" ]; then
  log "creating cluster $version/main"
  pg_createcluster "$version" main >&2
  cluster=main
fi
port=$(pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $3 }')
status=$(pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $4 }')
if [ "$status" != "online" ]; then
  log "starting cluster $version/$cluster on port $port"
  pg_ctlcluster "$version" "$cluster" start >&2
fi

for _ in $(seq 1 60); do
  if pg_isready -q -h "$HOST" -p "$port"; then
    break
  fi
  sleep 0.5
done
if ! pg_isready -q -h "$HOST" -p "$port"; then
  log "the server on $HOST:$port did not become ready; see /var/log/postgresql/"
  exit 1
fi

psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -q -X -p $port $*" >&2; }

if [ "$(su postgres -c "psql -X -tA -p $port -c \"SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'\"")" != "1" ]; then
  log "creating role $ROLE"
  psql_admin "-c \"CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'\""
else
  psql_admin "-c \"ALTER ROLE $ROLE LOGIN PASSWORD '$PASSWORD'\""
fi
if [ "$(su postgres -c "psql -X -tA -p $port -c \"SELECT 1 FROM pg_database WHERE datname = '$DATABASE'\"")" != "1" ]; then
  log "creating database $DATABASE"
  psql_admin "-c \"CREATE DATABASE $DATABASE OWNER $ROLE ENCODING 'UTF8' TEMPLATE template0\""
fi
# PostgreSQL 15 no longer lets every role create objects in `public`; the owner of the
# database may, and the tests create one schema per test, so CREATE on the database is enough.
psql_admin "-d $DATABASE -c \"GRANT CREATE ON DATABASE $DATABASE TO $ROLE\""

echo "export ISOFLOW_TEST_POSTGRES=postgresql://$ROLE:$PASSWORD@$HOST:$port/$DATABASE"
