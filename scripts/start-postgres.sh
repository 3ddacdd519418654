#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for callvault's tests and prints how to reach it.
#
#   eval "$(scripts/start-postgres.sh [DATA_DIR] [PORT])"    # defaults: /tmp/callvault-test-pg 55432 (as scripts/test.sh)
#
# Contract:
#   * stdout carries only `export CALLVAULT_TEST_PG_...=...` lines; every other message goes to stderr.
#   * Idempotent: installs PostgreSQL (Debian apt) only if no server binaries are found, creates the
#     cluster only if DATA_DIR holds none, starts it only if it is not running, creates the role and the
#     database only if missing. A second call while the server runs just prints the exports again.
#   * The server listens on 127.0.0.1 only and on a Unix socket inside DATA_DIR; TCP logins need a
#     password (scram-sha-256), so tests see real authentication failures.
#   * Runs unattended (no stdin, no prompts); as root it runs the server as the `postgres` OS user,
#     because initdb and postgres refuse to run as root.
#   * The cluster is for tests only: fsync is off, so a crash of the machine may corrupt it. Stop it with
#     `pg_ctl -D DATA_DIR stop` (as the postgres user) and delete the directory to start over.
set -euo pipefail

DATA_DIR="${1:-/tmp/callvault-test-pg}"
PORT="${2:-55432}"
DB_NAME=callvault_test
DB_USER=callvault_test
DB_PASSWORD=callvault_test
START_TIMEOUT_SECONDS=60

log() { echo "start-postgres: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[[ "$PORT" =~ ^[0-9]+$ ]] && (( PORT > 0 && PORT < 65536 )) || die "port must be 1..65535, not '$PORT'"
[[ "$DATA_DIR" = /* ]] || DATA_DIR="$PWD/$DATA_DIR"
DATA_DIR="${DATA_DIR%/}"
# Everything below uses absolute paths; a neutral working directory keeps the tools run as the
# postgres user from failing on a directory private to the caller (e.g. /root).
cd /

# The newest server found under Debian's layout, else whatever pg_ctl is on PATH; empty if none.
find_bin_dir() {
    local dir found=""
    for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then found="$dir"; fi
    done
    if [[ -z "$found" ]] && command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
        found=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
    fi
    echo "$found"
}

install_postgres() {
    (( EUID == 0 )) || die "PostgreSQL is not installed and installing it needs root: \
run 'apt-get install -y --no-install-recommends postgresql' as root, or run this script as root"
    command -v apt-get >/dev/null || die "PostgreSQL is not installed and apt-get is missing (not Debian?)"
    log "installing PostgreSQL with apt-get"
    # Debian's package would create and start a 'main' cluster on port 5432; tests need none of that.
    mkdir -p /etc/postgresql-common/createcluster.d
    if [[ ! -e /etc/postgresql-common/createcluster.d/callvault-no-main.conf ]]; then
        echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/callvault-no-main.conf
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2 </dev/null
    apt-get install -y -q --no-install-recommends postgresql >&2 </dev/null
}

BIN_DIR=$(find_bin_dir)
if [[ -z "$BIN_DIR" ]]; then
    install_postgres
    BIN_DIR=$(find_bin_dir)
    [[ -n "$BIN_DIR" ]] || die "apt-get installed postgresql but no initdb/pg_ctl was found under /usr/lib/postgresql"
fi

# As root the server runs as 'postgres'; as anyone else it runs as that user.
if (( EUID == 0 )); then
    if ! id postgres >/dev/null 2>&1; then
        log "creating the postgres OS user"
        useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/sh postgres
    fi
    as_pg() { runuser -u postgres -- "$@"; }
else
    as_pg() { "$@"; }
fi

# Serializes concurrent calls for the same directory (two CI steps, two terminals).
exec 9>"$DATA_DIR.lock"
flock -w 120 9 || die "another start-postgres.sh holds $DATA_DIR.lock for more than 120 s"
if (( EUID == 0 )); then chown postgres: "$DATA_DIR.lock"; fi

if [[ -f "$DATA_DIR/PG_VERSION" ]]; then
    # Use the binaries of the cluster's own major version when several are installed.
    cluster_version=$(cat "$DATA_DIR/PG_VERSION")
    if [[ -x "/usr/lib/postgresql/$cluster_version/bin/pg_ctl" ]]; then
        BIN_DIR="/usr/lib/postgresql/$cluster_version/bin"
    fi
else
    mkdir -p "$DATA_DIR"
    [[ -z "$(ls -A "$DATA_DIR")" ]] || die "$DATA_DIR is not empty and holds no PostgreSQL cluster; \
pass another directory or delete it"
    if (( EUID == 0 )); then chown postgres: "$DATA_DIR"; fi
    chmod 700 "$DATA_DIR"
    as_pg test -w "$DATA_DIR" || die "the postgres OS user cannot write $DATA_DIR (is a parent directory \
private to root?); pass a directory under /tmp"
    log "creating a cluster in $DATA_DIR with $BIN_DIR/initdb"
    # Local (socket) logins are trusted so this script can administer; TCP logins need a password.
    as_pg "$BIN_DIR/initdb" -D "$DATA_DIR" -U postgres -E UTF8 --no-locale \
        --auth-local=trust --auth-host=scram-sha-256 >&2 </dev/null
fi

PG_CTL="$BIN_DIR/pg_ctl"
if as_pg "$PG_CTL" -D "$DATA_DIR" status >/dev/null 2>&1; then
    running_port=$(sed -n 4p "$DATA_DIR/postmaster.pid")
    [[ "$running_port" == "$PORT" ]] || die "the cluster in $DATA_DIR already runs on port $running_port, \
not $PORT; call this script with that port, or stop it: runuser -u postgres -- $PG_CTL -D $DATA_DIR stop"
    log "already running on 127.0.0.1:$PORT ($DATA_DIR)"
else
    if "$BIN_DIR/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
        die "another PostgreSQL already listens on 127.0.0.1:$PORT (a cluster in another directory?); \
pass a free port as the second argument, or stop that server"
    fi
    log "starting on 127.0.0.1:$PORT ($DATA_DIR, log $DATA_DIR/server.log)"
    # fsync and friends are off: a test cluster trades crash safety for speed. The server must not
    # inherit the lock's descriptor (9>&-), or it would hold the lock for as long as it runs.
    server_options="-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DATA_DIR"
    server_options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if ! as_pg "$PG_CTL" -D "$DATA_DIR" -l "$DATA_DIR/server.log" -o "$server_options" \
            -w -t "$START_TIMEOUT_SECONDS" start >&2 </dev/null 9>&-; then
        tail -n 20 "$DATA_DIR/server.log" >&2 || true
        die "PostgreSQL did not start (is port $PORT taken? see $DATA_DIR/server.log above)"
    fi
fi

# pg_ctl -w already waited; this bounded check also covers a server that was mid-start on entry.
ready=false
for _ in $(seq 1 "$START_TIMEOUT_SECONDS"); do
    if "$BIN_DIR/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then ready=true; break; fi
    sleep 1
done
$ready || die "PostgreSQL on 127.0.0.1:$PORT did not accept connections within ${START_TIMEOUT_SECONDS}s; \
see $DATA_DIR/server.log"

psql_admin() {
    as_pg "$BIN_DIR/psql" -X -q -h "$DATA_DIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -tA "$@" </dev/null
}
if [[ -z "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" ]]; then
    log "creating role $DB_USER"
    psql_admin -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'" >&2
fi
if [[ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" ]]; then
    log "creating database $DB_NAME"
    # The role owns the database, so tests may create and drop a schema each.
    psql_admin -c "CREATE DATABASE $DB_NAME OWNER $DB_USER" >&2
fi

echo "export CALLVAULT_TEST_PG_URL='jdbc:postgresql://127.0.0.1:$PORT/$DB_NAME'"
echo "export CALLVAULT_TEST_PG_USER='$DB_USER'"
echo "export CALLVAULT_TEST_PG_PASSWORD='$DB_PASSWORD'"
