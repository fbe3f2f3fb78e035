# PostgreSQL for the gateway's tests against the production database. Sourced by .ci/run (as root on Debian 12).
#
# Installs Debian's postgresql (15 on Debian 12) when no PostgreSQL 15+ is installed, starts a cluster of its own
# under $SEXTANT_PG_DIR as the postgres user with pg_ctl (no systemd) on a loopback port, (re)creates an empty
# test database owned by a password user, and exports what the gateway's build reads:
#   SEXTANT_PG_URL       jdbc:postgresql://127.0.0.1:PORT/sextant_test
#   SEXTANT_PG_USER      sextant
#   SEXTANT_PG_PASSWORD  random, kept beside the cluster so that sourcing this again reuses it
# Sourcing it again reuses a running cluster and starts from an empty database. Stop it with:
#   runuser -u postgres -- "$(dirname "$(command -v initdb)")/pg_ctl" -D "$SEXTANT_PG_DIR/data" stop

sextant_pg_setup() {
  local dir=${SEXTANT_PG_DIR:-/tmp/sextant-pg} port=${SEXTANT_PG_PORT:-55432} bin="" v
  for v in $(ls /usr/lib/postgresql 2>/dev/null | sort -n); do
    [ "$v" -ge 15 ] 2>/dev/null && [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ] && bin=/usr/lib/postgresql/$v/bin
  done
  if [ -z "$bin" ]; then
    echo "postgres.sh: installing PostgreSQL from Debian's packages" >&2
    apt-get update -qq
    # The package's own cluster would start through invoke-rc.d; this script runs its own instead.
    RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    for v in $(ls /usr/lib/postgresql 2>/dev/null | sort -n); do
      [ "$v" -ge 15 ] 2>/dev/null && bin=/usr/lib/postgresql/$v/bin
    done
    [ -n "$bin" ] || { echo "postgres.sh: no PostgreSQL 15+ after installing postgresql" >&2; return 1; }
  fi

  local as_pg=()
  [ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  chmod 700 "$dir"
  local pwfile="$dir.password"
  if [ ! -s "$pwfile" ]; then
    (umask 077; od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$pwfile")
  fi
  local password
  password=$(cat "$pwfile")

  if [ ! -f "$dir/data/PG_VERSION" ]; then
    "${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { echo "postgres.sh: initdb failed, see $dir/initdb.log" >&2; return 1; }
  fi
  if ! "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off" start >/dev/null \
      || { echo "postgres.sh: PostgreSQL did not start, see $dir/server.log" >&2; return 1; }
  fi

  local psql=("${as_pg[@]}" env PGOPTIONS=--client-min-messages=warning "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres)
  "${psql[@]}" -c "drop database if exists sextant_test" \
    && "${psql[@]}" -c "drop role if exists sextant" \
    && "${psql[@]}" -c "create role sextant login password '$password'" \
    && "${psql[@]}" -c "create database sextant_test owner sextant" \
    || { echo "postgres.sh: cannot create the test database" >&2; return 1; }

  export SEXTANT_PG_URL="jdbc:postgresql://127.0.0.1:$port/sextant_test"
  export SEXTANT_PG_USER=sextant
  export SEXTANT_PG_PASSWORD=$password
  echo "postgres.sh: PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') at $SEXTANT_PG_URL" >&2
}

sextant_pg_setup
