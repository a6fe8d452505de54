# shellcheck shell=bash
# A throw-away RabbitMQ node on 127.0.0.1 for the tests. Sourced, never run.
# Uses RABBITMQ_BIN (packages.sh), SERVICES_DIR and SERVICE_TAG (scripts/test).
#
# Everything the node reads or writes is in a temp dir, including its Erlang cookie (HOME) and its
# own epmd on a free port, so it neither touches nor collides with a system RabbitMQ.
# The node boots in the background (rabbitmq_launch) while the solution builds; rabbitmq_wait
# then waits until it accepts connections.

RABBITMQ_DIR=
RABBITMQ_ENV=()
_RABBITMQ_PORT=
_RABBITMQ_T0=

# shellcheck disable=SC2153 # RABBITMQ_BIN comes from packages.sh
_rabbitmq() { env "${RABBITMQ_ENV[@]}" "$RABBITMQ_BIN/$1" "${@:2}" </dev/null; }

rabbitmq_launch() {
    local node_port dist_port epmd_port
    _RABBITMQ_T0=$EPOCHREALTIME
    RABBITMQ_DIR=$SERVICES_DIR/rabbitmq
    mkdir -p "$RABBITMQ_DIR/mnesia" "$RABBITMQ_DIR/log"
    echo '[].' >"$RABBITMQ_DIR/enabled_plugins" # no plugins (no management UI): faster boot
    : >"$RABBITMQ_DIR/rabbitmq.conf"            # ignore /etc/rabbitmq/rabbitmq.conf
    : >"$RABBITMQ_DIR/rabbitmq-env.conf"        # ignore /etc/rabbitmq/rabbitmq-env.conf
    free_port node_port
    free_port dist_port
    free_port epmd_port
    _RABBITMQ_PORT=$node_port
    RABBITMQ_ENV=(
        "$SERVICE_TAG"
        HOME="$RABBITMQ_DIR"
        ERL_EPMD_ADDRESS=127.0.0.1
        ERL_EPMD_PORT="$epmd_port"
        RABBITMQ_NODENAME=synclab-test@localhost
        RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
        RABBITMQ_NODE_PORT="$node_port"
        RABBITMQ_DIST_PORT="$dist_port"
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}'
        RABBITMQ_MNESIA_BASE="$RABBITMQ_DIR/mnesia"
        RABBITMQ_LOG_BASE="$RABBITMQ_DIR/log"
        RABBITMQ_PID_FILE="$RABBITMQ_DIR/rabbitmq.pid"
        RABBITMQ_ENABLED_PLUGINS_FILE="$RABBITMQ_DIR/enabled_plugins"
        RABBITMQ_CONFIG_FILE="$RABBITMQ_DIR/rabbitmq.conf"
        RABBITMQ_CONF_ENV_FILE="$RABBITMQ_DIR/rabbitmq-env.conf"
    )
    _rabbitmq rabbitmq-server -detached >"$RABBITMQ_DIR/launch.log" 2>&1 ||
        { show_log "$RABBITMQ_DIR/launch.log"; die "RabbitMQ did not launch"; }
    log "RabbitMQ booting on 127.0.0.1:$node_port (in the background)"
}

_rabbitmq_node_alive() {
    local pid
    for pid in $(pids_with_env "$SERVICE_TAG"); do
        [[ $(cat "/proc/$pid/comm" 2>/dev/null) == beam.smp ]] && return 0
    done
    return 1
}

rabbitmq_wait() {
    [[ -n $RABBITMQ_DIR ]] || return 0
    # Poll the AMQP port (opened last in the boot), failing fast if the node dies:
    # `rabbitmqctl wait` alone would keep waiting for a dead node until its timeout.
    local _
    for _ in {1..600}; do
        (exec 3<>"/dev/tcp/127.0.0.1/$_RABBITMQ_PORT") 2>/dev/null && break
        _rabbitmq_node_alive || {
            show_log "$RABBITMQ_DIR/launch.log"
            show_log "$RABBITMQ_DIR/log/synclab-test@localhost.log"
            die "RabbitMQ died while starting (127.0.0.1:$_RABBITMQ_PORT)"
        }
        sleep 0.2
    done
    # Then confirm the broker application is fully up.
    _rabbitmq rabbitmqctl wait --timeout 30 "$RABBITMQ_DIR/rabbitmq.pid" >"$RABBITMQ_DIR/wait.log" 2>&1 || {
        show_log "$RABBITMQ_DIR/wait.log"
        show_log "$RABBITMQ_DIR/log/synclab-test@localhost.log"
        die "RabbitMQ did not start on 127.0.0.1:$_RABBITMQ_PORT"
    }
    export SYNCLAB_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$_RABBITMQ_PORT/"
    log "RabbitMQ ready on 127.0.0.1:$_RABBITMQ_PORT, $(since "$_RABBITMQ_T0") after launch"
}

rabbitmq_stop() {
    [[ -n $RABBITMQ_DIR && ${#RABBITMQ_ENV[@]} -gt 0 ]] || return 0
    local t0=$EPOCHREALTIME
    if [[ -s $RABBITMQ_DIR/rabbitmq.pid ]]; then
        # `stop PIDFILE` returns once the node's OS process has exited.
        timeout 60 env "${RABBITMQ_ENV[@]}" "$RABBITMQ_BIN/rabbitmqctl" stop "$RABBITMQ_DIR/rabbitmq.pid" \
            </dev/null >"$RABBITMQ_DIR/stop.log" 2>&1 || warn "RabbitMQ: rabbitmqctl stop failed"
    fi
    # Our epmd only: ERL_EPMD_PORT in RABBITMQ_ENV points epmd -kill at it.
    env "${RABBITMQ_ENV[@]}" epmd -kill </dev/null >/dev/null 2>&1 || true
    log "RabbitMQ stopped in $(since "$t0")"
    RABBITMQ_DIR=
}
