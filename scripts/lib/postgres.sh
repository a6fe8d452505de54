# shellcheck shell=bash
# A throw-away PostgreSQL 15 server on 127.0.0.1 for the tests. Sourced, never run.
# Uses PG_BIN (packages.sh), SERVICES_DIR and SERVICE_TAG (scripts/test).

PG_DIR=

# Runs a command as the postgres user (initdb and postgres refuse to run as root).
_as_postgres() {
    if ((EUID == 0)); then
        env "$SERVICE_TAG" runuser -u postgres -- "$@"
    else
        env "$SERVICE_TAG" "$@"
    fi
}

# postgres_start: initdb in a temp dir, start on a free port, export SYNCLAB_TEST_POSTGRES.
postgres_start() {
    local t0=$EPOCHREALTIME port password
    PG_DIR=$SERVICES_DIR/postgres
    mkdir -p "$PG_DIR/sock"
    ((EUID != 0)) || chown -R postgres:postgres "$PG_DIR"
    chmod 700 "$PG_DIR"
    free_port port
    password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    printf '%s\n' "$password" >"$PG_DIR/pwfile"

    _as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/pwfile" \
        --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 --no-sync \
        </dev/null >"$PG_DIR/initdb.log" 2>&1 ||
        { show_log "$PG_DIR/initdb.log"; die "PostgreSQL: initdb failed"; }
    rm -f "$PG_DIR/pwfile"

    # Durability is worthless for a throw-away server: fsync off makes it much faster.
    _as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DIR/sock -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start </dev/null >"$PG_DIR/pg_ctl.log" 2>&1 ||
        { show_log "$PG_DIR/postgres.log"; die "PostgreSQL did not start on 127.0.0.1:$port"; }
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -t 10 ||
        { show_log "$PG_DIR/postgres.log"; die "PostgreSQL started but does not answer on 127.0.0.1:$port"; }

    export SYNCLAB_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres"
    log "PostgreSQL 15 ready on 127.0.0.1:$port in $(since "$t0")"
}

postgres_stop() {
    [[ -n $PG_DIR && -f $PG_DIR/data/postmaster.pid ]] || return 0
    local t0=$EPOCHREALTIME
    _as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 30 stop </dev/null >/dev/null 2>&1 ||
        warn "PostgreSQL: pg_ctl stop failed"
    log "PostgreSQL stopped in $(since "$t0")"
    PG_DIR=
}
