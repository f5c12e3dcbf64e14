#!/usr/bin/env bash
# A throwaway PostgreSQL server for the DiscoPostgres tests, on loopback only.
#
#   eval "$(.ci/postgres.sh start)"   # installs PostgreSQL when missing, starts a cluster
#                                     # in a temporary folder, prints the export line
#   swift test --filter DiscoPostgresTests
#   .ci/postgres.sh stop              # stops the server and removes the folder
#
# Or source it and call pg_start / pg_stop. Only the `export DISCO_POSTGRES_URL=...` line
# goes to standard output; progress goes to standard error.
#
# Settings (environment): DISCO_PG_PORT (54329), DISCO_PG_DIR (/tmp/disco-postgres-PORT).
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres`
# user that Debian's package creates (or to a `disco-pg` user made here).

PG_PORT="${DISCO_PG_PORT:-54329}"
PG_DIR="${DISCO_PG_DIR:-/tmp/disco-postgres-${PG_PORT}}"
PG_USER_NAME="disco"
PG_PASSWORD="disco-ci-password"
PG_DATABASE="disco_test"

pg_log() { echo "postgres.sh: $*" >&2; }

# The folder holding initdb and pg_ctl, installing Debian's postgresql when there is none.
pg_bindir() {
    local dir
    if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
        return
    fi
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then
        echo "$dir"
        return
    fi
    pg_log "PostgreSQL is not installed; installing Debian's postgresql"
    if [ "$(id -u)" -ne 0 ]; then
        pg_log "installing needs root (apt-get); run as root or install postgresql first"
        return 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get update >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -z "$dir" ] || [ ! -x "$dir/pg_ctl" ]; then
        pg_log "postgresql installed but no pg_ctl found under /usr/lib/postgresql"
        return 1
    fi
    echo "$dir"
}

# The operating-system user the server runs as: ourselves, or a non-root user when root.
pg_os_user() {
    if [ "$(id -u)" -ne 0 ]; then
        id -un
    elif id postgres >/dev/null 2>&1; then
        echo postgres
    else
        id disco-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin disco-pg
        echo disco-pg
    fi
}

# Runs a command as the server's user.
pg_as() {
    local user="$1"
    shift
    if [ "$(id -un)" = "$user" ]; then
        "$@"
    else
        runuser -u "$user" -- "$@"
    fi
}

pg_url() {
    echo "postgres://${PG_USER_NAME}:${PG_PASSWORD}@127.0.0.1:${PG_PORT}/${PG_DATABASE}?sslmode=disable"
}

pg_start() {
    local bindir user
    bindir="$(pg_bindir)" || return 1
    user="$(pg_os_user)" || return 1
    if [ -f "$PG_DIR/data/postmaster.pid" ] && pg_as "$user" "$bindir/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
        pg_log "already running in $PG_DIR on port $PG_PORT"
        echo "export DISCO_POSTGRES_URL='$(pg_url)'"
        return 0
    fi
    rm -rf "$PG_DIR"
    mkdir -p "$PG_DIR" || return 1
    printf '%s\n' "$PG_PASSWORD" >"$PG_DIR/pwfile"
    chown -R "$user" "$PG_DIR"
    chmod 700 "$PG_DIR"
    pg_log "initdb in $PG_DIR/data as $user ($bindir)"
    pg_as "$user" "$bindir/initdb" -D "$PG_DIR/data" -U "$PG_USER_NAME" --pwfile="$PG_DIR/pwfile" \
        --auth=scram-sha-256 -E UTF8 --locale=C >"$PG_DIR/initdb.log" 2>&1 || {
        cat "$PG_DIR/initdb.log" >&2
        return 1
    }
    pg_log "starting on 127.0.0.1:$PG_PORT"
    pg_as "$user" "$bindir/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$PG_DIR -c max_connections=300 -c shared_buffers=64MB" \
        start >&2 || {
        cat "$PG_DIR/server.log" >&2
        return 1
    }
    pg_as "$user" env PGPASSWORD="$PG_PASSWORD" "$bindir/psql" -X -q \
        -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER_NAME" -d postgres \
        -c "CREATE DATABASE $PG_DATABASE" >&2
    pg_log "database $PG_DATABASE ready"
    echo "export DISCO_POSTGRES_URL='$(pg_url)'"
}

pg_stop() {
    local bindir user
    if [ ! -d "$PG_DIR" ]; then
        pg_log "nothing to stop in $PG_DIR"
        return 0
    fi
    bindir="$(pg_bindir)"
    user="$(pg_os_user)"
    if [ -f "$PG_DIR/data/postmaster.pid" ]; then
        pg_as "$user" "$bindir/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$PG_DIR"
    pg_log "stopped and removed $PG_DIR"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    case "${1:-}" in
    start) pg_start ;;
    stop) pg_stop ;;
    url) pg_url ;;
    *)
        echo "usage: $0 start|stop|url" >&2
        exit 2
        ;;
    esac
fi
