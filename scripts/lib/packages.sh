# shellcheck shell=bash
# Installs, from Debian's packages, what the tests need and this machine lacks. Sourced, never run.

PG_BIN=/usr/lib/postgresql/15/bin
RABBITMQ_BIN=/usr/lib/rabbitmq/bin
CHROMIUM=/usr/bin/chromium

# ensure_packages NEED_POSTGRES NEED_RABBITMQ NEED_CHROMIUM (each 1 or 0; docker-compose is always needed).
ensure_packages() {
    local missing=() t0=$EPOCHREALTIME apt_log=$LOG_DIR/apt.log
    [[ $1 == 1 && ! -x $PG_BIN/initdb ]] && missing+=(postgresql-15)
    [[ $2 == 1 && ! -x $RABBITMQ_BIN/rabbitmq-server ]] && missing+=(rabbitmq-server)
    [[ $3 == 1 && ! -x $CHROMIUM ]] && missing+=(chromium)
    command -v docker-compose >/dev/null || missing+=(docker-compose)

    if ((${#missing[@]} == 0)); then
        log "packages: all present, apt skipped"
        return 0
    fi
    ((EUID == 0)) || die "missing Debian packages: ${missing[*]}. Run as root, or install them first."

    log "packages: installing ${missing[*]} (log: $apt_log)"
    export DEBIAN_FRONTEND=noninteractive
    local install=(apt-get install -y -q --no-install-recommends "${missing[@]}")
    # A fresh machine has no package lists; otherwise try with the lists we have, update only on failure.
    if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
        apt-get update -q >>"$apt_log" 2>&1 || { show_log "$apt_log"; die "apt-get update failed"; }
    fi
    if ! "${install[@]}" </dev/null >>"$apt_log" 2>&1; then
        log "packages: install failed with the current lists, running apt-get update and retrying"
        { apt-get update -q && "${install[@]}"; } </dev/null >>"$apt_log" 2>&1 ||
            { show_log "$apt_log"; die "apt-get install ${missing[*]} failed"; }
    fi
    log "packages: installed in $(since "$t0")"
}
