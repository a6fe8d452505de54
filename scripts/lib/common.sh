# shellcheck shell=bash
# Helpers shared by scripts/test and scripts/lib/*.sh. Sourced, never run.

log() { printf '[test %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
warn() { printf '[test %s] WARNING: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
    printf '[test %s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2
    exit 1
}

# Seconds since a moment taken with `t=$EPOCHREALTIME`, e.g. "2.3s".
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1fs", b - a }'; }

# Every local TCP port in use on this machine (any state, IPv4 and IPv6), one a line.
_ports_in_use() {
    local file _sl local_address _rest
    for file in /proc/net/tcp /proc/net/tcp6; do
        [[ -r $file ]] || continue
        while read -r _sl local_address _rest; do
            if [[ $local_address == *:* ]]; then
                echo $((16#${local_address##*:}))
            fi
        done <"$file"
    done
    return 0
}

# free_port VAR: sets VAR to a TCP port nobody uses, below the kernel's ephemeral range
# (32768+), never one handed out earlier in this run.
_PORTS_HANDED_OUT=" "
free_port() {
    # (locals prefixed: a nameref must not be shadowed by a local of the caller's variable name)
    local -n _fp_result=$1
    local _fp_used _fp_port _fp_try
    _fp_used=" $(_ports_in_use | tr '\n' ' ')${_PORTS_HANDED_OUT}"
    for _fp_try in {1..500}; do
        _fp_port=$((20000 + RANDOM % 12000))
        if [[ $_fp_used != *" $_fp_port "* ]]; then
            _PORTS_HANDED_OUT+="$_fp_port "
            _fp_result=$_fp_port
            return 0
        fi
    done
    die "no free TCP port found between 20000 and 32000"
}

# Pids of the processes whose environment holds exactly NAME=VALUE.
pids_with_env() {
    local file
    for file in /proc/[0-9]*/environ; do
        if grep -qzxF -- "$1" "$file" 2>/dev/null; then
            file=${file#/proc/}
            echo "${file%/environ}"
        fi
    done
}

# kill_tagged NAME=VALUE: ends every process carrying that environment entry (TERM, then KILL).
# Service processes are started with a tag unique to this run, so this ends ours and nothing else.
kill_tagged() {
    local pids _
    pids=$(pids_with_env "$1")
    [[ -n $pids ]] || return 0
    warn "ending leftover processes: $(echo "$pids" | tr '\n' ' ')"
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null || true
    for _ in {1..50}; do
        pids=$(pids_with_env "$1")
        [[ -n $pids ]] || return 0
        sleep 0.1
    done
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null || true
}

# Last lines of a log file, indented, for failure messages.
show_log() {
    [[ -s $1 ]] || return 0
    echo "----- last lines of $1 -----" >&2
    tail -n "${2:-40}" "$1" | sed 's/^/    /' >&2
    echo "-----" >&2
}
