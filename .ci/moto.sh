# shellcheck shell=bash
# .ci/moto.sh - start the moto AWS emulator (DynamoDB, SNS, SQS, Secrets Manager
# in one process) on a free loopback port, without Docker and without PyPI.
#
# SOURCE this file (do not execute it), so that its exports stay set:
#
#     set -euo pipefail
#     source .ci/moto.sh          # fails (return 1) with a message if moto cannot start
#     trap moto_stop EXIT         # the caller owns the EXIT trap
#
# What it does (see /work/shared/notes/local-aws-emulators.md, section 3):
#   1. installs moto's runtime dependencies from the running Debian release
#      (bookworm) with apt-get, unless they are all installed already;
#   2. with a private apt state (the system's sources and package state are not
#      touched) downloads python3-moto plus botocore/boto3/s3transfer from sid,
#      falling back to python3-moto alone from trixie (bookworm's botocore);
#   3. unpacks the .debs with dpkg-deb -x and runs them under /usr/bin/python3
#      via .ci/moto_launcher.py (which fixes UpdateSecretVersionStage, see there);
#   4. waits until http://127.0.0.1:$PORT/moto-api/ answers.
# A validated unpacked moto is reused by later runs (no download at all).
#
# Exports on success: AWS_ENDPOINT_URL, AWS_REGION, AWS_DEFAULT_REGION,
# AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, MOTO_PID and MOTO_LOG.
# Defines moto_stop (TERM, up to 5 s, then KILL).
#
# Settings (environment, all optional):
#   CERTGUARD_MOTO_DIR            cache directory (default ~/.cache/certguard/moto)
#   CERTGUARD_MOTO_SUITES         suites to try in order (default "sid trixie")
#   CERTGUARD_MOTO_REFRESH=1      ignore the cached unpacked moto, download again
#   CERTGUARD_MOTO_NET_TIMEOUT    seconds per apt network attempt (default 300)
#   CERTGUARD_MOTO_START_TIMEOUT  seconds to wait for the port (default 30)
#   CERTGUARD_MOTO_ARCHIVE_URI    Debian archive URI; default: read from the
#                                 system's apt sources

if ! (return 0 2>/dev/null); then
    echo "[moto] ERROR: .ci/moto.sh must be sourced (source .ci/moto.sh), not executed" >&2
    exit 2
fi

_MOTO_PY=/usr/bin/python3
_MOTO_DIR="${CERTGUARD_MOTO_DIR:-${HOME:-/tmp}/.cache/certguard/moto}"
_MOTO_SUITES="${CERTGUARD_MOTO_SUITES:-sid trixie}"
_MOTO_NET_TIMEOUT="${CERTGUARD_MOTO_NET_TIMEOUT:-300}"
_MOTO_START_TIMEOUT="${CERTGUARD_MOTO_START_TIMEOUT:-30}"
_MOTO_LAUNCHER="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/moto_launcher.py" || {
    echo "[moto] ERROR: cannot locate the .ci directory of ${BASH_SOURCE[0]}" >&2
    return 1
}
_MOTO_LOCK_FD=""
_MOTO_PIDFILE="${_MOTO_PIDFILE:-}"

_moto_log() { printf '[moto] %s\n' "$*" >&2; }
# Microseconds since the epoch ($EPOCHREALTIME without its decimal separator).
_moto_us() { printf '%s\n' "${EPOCHREALTIME//[!0-9]/}"; }
# _moto_since US : seconds elapsed since US, as "1.23".
_moto_since() {
    local d=$(($(_moto_us) - $1))
    printf '%d.%02d\n' "$((d / 1000000))" "$((d % 1000000 / 10000))"
}
_moto_err() { printf '[moto] ERROR: %s\n' "$*" >&2; }

# _moto_net DESCRIPTION COMMAND... : run a network command under `timeout`,
# retrying once. COMMAND must be an executable (timeout cannot run functions).
_moto_net() {
    local what="$1" attempt rc=0
    shift
    for attempt in 1 2; do
        timeout --kill-after=10 "$_MOTO_NET_TIMEOUT" "$@" </dev/null >&2 && return 0
        rc=$?
        if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
            _moto_log "$what: timed out after ${_MOTO_NET_TIMEOUT}s (attempt $attempt/2)"
        else
            _moto_log "$what: failed with exit code $rc (attempt $attempt/2)"
        fi
        if [ "$attempt" -eq 1 ]; then sleep 3; fi
    done
    return "$rc"
}

# ---- step 1: runtime dependencies from the running release ------------------
_moto_install_deps() {
    local pkgs=(python3 python3-flask python3-flask-cors python3-werkzeug python3-jinja2
        python3-requests python3-responses python3-xmltodict python3-dateutil
        python3-cryptography python3-yaml python3-boto3 curl)
    local missing=() p status
    for p in "${pkgs[@]}"; do
        status="$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" || status=""
        if [ "$status" != installed ]; then missing+=("$p"); fi
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        _moto_log "step 1 (runtime deps): all ${#pkgs[@]} packages already installed"
        return 0
    fi
    _moto_log "step 1 (runtime deps): installing ${pkgs[*]} (missing: ${missing[*]})"
    if [ "$(id -u)" -ne 0 ]; then
        _moto_err "step 1 (runtime deps): apt-get install needs root; missing: ${missing[*]}"
        return 1
    fi
    _moto_net "step 1 (apt-get update)" \
        env DEBIAN_FRONTEND=noninteractive apt-get -qq update || {
        _moto_err "step 1 (runtime deps): apt-get update failed"
        return 1
    }
    _moto_net "step 1 (apt-get install)" \
        env DEBIAN_FRONTEND=noninteractive apt-get -qq -y --no-install-recommends \
        -o DPkg::Lock::Timeout=120 install "${pkgs[@]}" || {
        _moto_err "step 1 (runtime deps): apt-get install failed"
        return 1
    }
}

# ---- step 2: private apt state, download from sid / trixie ------------------
# Print the Debian archive URI of the system's main suite (not -security/-updates).
_moto_archive_uri() {
    local uri=""
    if [ -n "${CERTGUARD_MOTO_ARCHIVE_URI:-}" ]; then
        uri="$CERTGUARD_MOTO_ARCHIVE_URI"
    elif [ -r /etc/apt/sources.list.d/debian.sources ]; then
        # deb822: paragraph mode; pick the first enabled "deb" stanza that lists a
        # plain suite name (e.g. "bookworm", not "bookworm-security").
        uri="$(awk '
            BEGIN { RS = ""; FS = "\n" }
            {
                types = ""; uris = ""; suites = ""; enabled = "yes"; key = ""
                for (i = 1; i <= NF; i++) {
                    line = $i
                    if (line ~ /^#/) continue
                    if (line ~ /^[ \t]/) {            # continuation line
                        if (key == "uris") uris = uris " " line
                        else if (key == "suites") suites = suites " " line
                        continue
                    }
                    c = index(line, ":"); if (c == 0) continue
                    key = tolower(substr(line, 1, c - 1)); val = substr(line, c + 1)
                    if (key == "types") types = val
                    else if (key == "uris") uris = val
                    else if (key == "suites") suites = val
                    else if (key == "enabled") enabled = tolower(val)
                }
                gsub(/^[ \t]+|[ \t]+$/, "", enabled)
                if (enabled == "no") next
                if ((" " types " ") !~ /[ \t]deb[ \t]/) next
                n = split(suites, s, /[ \t]+/); plain = 0
                for (j = 1; j <= n; j++) if (s[j] ~ /^[a-z]+$/) plain = 1
                if (!plain) next
                n = split(uris, u, /[ \t]+/)
                for (j = 1; j <= n; j++) if (u[j] ~ /^https?:\/\//) { print u[j]; exit }
            }' /etc/apt/sources.list.d/debian.sources)"
    fi
    if [ -z "$uri" ] && [ -r /etc/apt/sources.list ]; then
        uri="$(awk '
            $1 == "deb" {
                i = 2
                if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
                if ($(i) ~ /^https?:\/\// && $(i + 1) ~ /^[a-z]+$/) { print $(i); exit }
            }' /etc/apt/sources.list)"
    fi
    if [ -z "$uri" ]; then
        _moto_err "step 2 (archive URI): no http(s) Debian archive URI found in" \
            "/etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list" \
            "(set CERTGUARD_MOTO_ARCHIVE_URI)"
        return 1
    fi
    printf '%s\n' "${uri%/}"
}

# Fill the array _MOTO_APT_OPTS with the private-state options for SUITE.
_moto_apt_opts() {
    local base="$_MOTO_DIR/apt/$1"
    _MOTO_APT_OPTS=(
        -o "Dir::Etc::SourceList=$base/sources.list"
        -o "Dir::Etc::SourceParts=$base/sources.list.d"
        -o "Dir::Etc::Preferences=$base/preferences"
        -o "Dir::Etc::PreferencesParts=$base/preferences.d"
        -o "Dir::State::Lists=$base/lists"
        -o "Dir::Cache=$base/cache"
        -o "APT::Sandbox::User=root"
        -o "Acquire::Languages=none"
    )
}

# _moto_download SUITE : leaves the suite's .debs (only) in $_MOTO_DIR/apt/SUITE/debs.
_moto_download() {
    local suite="$1" base="$_MOTO_DIR/apt/$1" uri pkgs
    case "$suite" in
        trixie) pkgs=(python3-moto) ;; # bookworm's botocore/boto3/s3transfer
        *) pkgs=(python3-moto python3-botocore python3-boto3 python3-s3transfer) ;;
    esac
    uri="$(_moto_archive_uri)" || return 1
    if ! mkdir -p "$base/lists/partial" "$base/cache/archives/partial" "$base/sources.list.d" \
        "$base/preferences.d" "$base/debs" ||
        ! : >"$base/preferences" ||
        ! printf 'deb %s %s main\n' "$uri" "$suite" >"$base/sources.list"; then
        _moto_err "step 2 ($suite): cannot create the private apt directory $base"
        return 1
    fi
    _moto_apt_opts "$suite"
    _moto_log "step 2 ($suite): apt-get update with private state: deb $uri $suite main"
    _moto_net "step 2 ($suite apt-get update)" apt-get -qq "${_MOTO_APT_OPTS[@]}" update || {
        _moto_err "step 2 ($suite): apt-get update of the private $suite index failed"
        return 1
    }
    rm -f "$base/debs/"*.deb
    (cd "$base/debs" && _moto_net "step 2 ($suite apt-get download)" \
        apt-get -qq "${_MOTO_APT_OPTS[@]}" download "${pkgs[@]}") || {
        _moto_err "step 2 ($suite): apt-get download ${pkgs[*]} failed"
        return 1
    }
}

# ---- step 3: unpack, keyed by the .debs' content -----------------------------
# _moto_import_check TREE : prints moto.__version__ if moto from TREE imports.
_moto_import_check() {
    local pp="$1/usr/lib/python3/dist-packages"
    env -u PYTHONHOME PYTHONPATH="$pp" "$_MOTO_PY" -s -c '
import sys
import moto, moto.server
import moto.dynamodb.models, moto.sns.models, moto.sqs.models, moto.secretsmanager.models
if not moto.__file__.startswith(sys.argv[1]):
    sys.exit("moto imported from %s, not from %s" % (moto.__file__, sys.argv[1]))
print(moto.__version__)' "$pp"
}

# _moto_unpack SUITE : unpacks the suite's .debs, checks the import, prints the tree.
_moto_unpack() {
    local suite="$1" debdir="$_MOTO_DIR/apt/$1/debs" debs=() d key tree version names
    for d in "$debdir"/*.deb; do
        if [ -e "$d" ]; then debs+=("$d"); fi
    done
    if [ "${#debs[@]}" -eq 0 ]; then
        _moto_err "step 3 ($suite): no .deb files in $debdir"
        return 1
    fi
    names="$(for d in "${debs[@]}"; do printf '%s ' "${d##*/}"; done)"
    names="${names% }"
    _moto_log "step 3 ($suite): .debs: $names"
    # Key: suite + content of the .debs, so a different download never reuses an old tree.
    key="$(cat "${debs[@]}" | sha256sum)" || {
        _moto_err "step 3 ($suite): cannot hash the .debs"
        return 1
    }
    key="${key:0:16}"
    tree="$_MOTO_DIR/unpack/$suite-$key"
    if [ ! -e "$tree/.certguard-moto-ok" ]; then
        # Absent, or a stale/failed unpack: start over.
        rm -rf "$tree" "$tree.tmp"
        mkdir -p "$tree.tmp" || {
            _moto_err "step 3 ($suite): cannot create $tree.tmp"
            return 1
        }
        for d in "${debs[@]}"; do
            dpkg-deb -x "$d" "$tree.tmp" || {
                _moto_err "step 3 ($suite): dpkg-deb -x ${d##*/} failed"
                rm -rf "$tree.tmp"
                return 1
            }
        done
        mv "$tree.tmp" "$tree" || {
            _moto_err "step 3 ($suite): cannot move the unpacked tree to $tree"
            return 1
        }
        # Byte-compile once (~2.5 s) so that every later start imports faster;
        # not fatal: Python falls back to the sources.
        "$_MOTO_PY" -s -m compileall -q -j0 "$tree/usr/lib/python3/dist-packages" \
            >/dev/null 2>&1 || _moto_log "step 3 ($suite): byte-compiling failed (ignored)"
    fi
    version="$(_moto_import_check "$tree")" || {
        _moto_err "step 3 ($suite): moto from $tree does not import with $_MOTO_PY" \
            "($("$_MOTO_PY" -V 2>&1))"
        rm -f "$tree/.certguard-moto-ok"
        return 1
    }
    printf 'suite=%s\nversion=%s\ndebs=%s\n' "$suite" "$version" "$names" \
        >"$tree/.certguard-moto-ok" || {
        _moto_err "step 3 ($suite): cannot write $tree/.certguard-moto-ok"
        return 1
    }
    _moto_log "step 3 ($suite): moto $version imports from $tree"
    printf '%s\n' "$tree"
}

# Print the tree of the last successful run if it is still valid and imports.
_moto_cached_tree() {
    local tree
    [ "${CERTGUARD_MOTO_REFRESH:-0}" != 1 ] || return 1
    [ -r "$_MOTO_DIR/current" ] || return 1
    tree="$(cat "$_MOTO_DIR/current")" || return 1
    case "$tree" in "$_MOTO_DIR"/unpack/*) ;; *) return 1 ;; esac
    [ -r "$tree/.certguard-moto-ok" ] || return 1
    _moto_import_check "$tree" >/dev/null 2>&1 || {
        _moto_log "cached moto in $tree no longer imports; downloading again"
        return 1
    }
    printf '%s\n' "$tree"
}

_moto_info() { # _moto_info TREE KEY
    sed -n "s/^$2=//p" "$1/.certguard-moto-ok" 2>/dev/null || true
}

# Remove failed unpacks and trees that are neither current nor used in the last day.
_moto_prune() {
    local current="" d
    current="$(cat "$_MOTO_DIR/current" 2>/dev/null)" || current=""
    for d in "$_MOTO_DIR"/unpack/*; do
        [ -d "$d" ] || continue
        [ "$d" != "$current" ] || continue
        if [ ! -e "$d/.certguard-moto-ok" ] ||
            [ -z "$(find "$d/.certguard-moto-ok" -mmin -1440 2>/dev/null)" ]; then
            rm -rf "$d"
        fi
    done
    find "$_MOTO_DIR/run" -maxdepth 1 -name 'moto-*.log' -mtime +7 -delete 2>/dev/null || true
}

# ---- steps 4-5: free port, start, wait --------------------------------------
_moto_free_port() {
    "$_MOTO_PY" -s -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# Is PID a moto launcher process (guards against a reused PID)?
_moto_is_ours() {
    local cmdline
    cmdline="$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null)" || return 1
    case "$cmdline" in *moto_launcher.py*) return 0 ;; *) return 1 ;; esac
}

_moto_kill() { # _moto_kill PID : TERM, wait up to 5 s, then KILL; never fails
    local pid="$1" i
    if kill -0 "$pid" 2>/dev/null && _moto_is_ours "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            _moto_log "moto (pid $pid) did not stop within 5 s; sending KILL"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || true # reap it if it is our child
    return 0
}

# _moto_launch TREE : on success sets _MOTO_PORT, _MOTO_NEW_PID, _MOTO_NEW_LOG.
_moto_launch() {
    local tree="$1" pp="$1/usr/lib/python3/dist-packages" attempt port pid log pidfile
    # shell_pid is taken here: expanded in the background command it would be the child's PID.
    local t0="$SECONDS" us0 shell_pid="$BASHPID"
    us0="$(_moto_us)"
    for attempt in 1 2; do
        port="$(_moto_free_port)" || port=""
        if [ -z "$port" ]; then
            _moto_err "step 4 (free port): $_MOTO_PY could not bind 127.0.0.1:0"
            return 1
        fi
        log="$_MOTO_DIR/run/moto-$port.log"
        pidfile="$_MOTO_DIR/run/moto-$port.pid"
        _moto_log "step 5 (start): moto $(_moto_info "$tree" version) on 127.0.0.1:$port, log $log"
        # The lock fd is closed in the child so a running moto never holds the lock.
        env -u PYTHONHOME PYTHONPATH="$pp" CERTGUARD_MOTO_PARENT_PID="$shell_pid" \
            "$_MOTO_PY" -s "$_MOTO_LAUNCHER" -H 127.0.0.1 -p "$port" \
            </dev/null >"$log" 2>&1 {_MOTO_LOCK_FD}>&- &
        pid=$!
        printf '%s\n' "$pid" >"$pidfile" || true
        while :; do
            if curl -fs --noproxy '*' --max-time 2 -o /dev/null "http://127.0.0.1:$port/moto-api/"; then
                _MOTO_PORT="$port"
                _MOTO_NEW_PID="$pid"
                _MOTO_NEW_LOG="$log"
                _MOTO_PIDFILE="$pidfile"
                _moto_log "step 5 (start): moto answers after $(_moto_since "$us0") s (pid $pid)"
                return 0
            fi
            if ! kill -0 "$pid" 2>/dev/null; then
                wait "$pid" 2>/dev/null || true
                rm -f "$pidfile"
                if [ "$attempt" -eq 1 ] && grep -q 'Address already in use' "$log" 2>/dev/null; then
                    _moto_log "step 5 (start): port $port was taken meanwhile; trying another port"
                    continue 2
                fi
                _moto_err "step 5 (start): moto (pid $pid) exited before answering; its log $log:"
                sed 's/^/[moto log] /' "$log" >&2 || true
                return 1
            fi
            if [ $((SECONDS - t0)) -ge "$_MOTO_START_TIMEOUT" ]; then
                _moto_err "step 5 (start): moto (pid $pid) did not answer on" \
                    "http://127.0.0.1:$port/moto-api/ within ${_MOTO_START_TIMEOUT} s; its log $log:"
                sed 's/^/[moto log] /' "$log" >&2 || true
                _moto_kill "$pid"
                rm -f "$pidfile"
                return 1
            fi
            sleep 0.1
        done
    done
    return 1
}

# ---- locking (parallel runs sharing the cache directory) ---------------------
_moto_lock() {
    exec {_MOTO_LOCK_FD}>>"$_MOTO_DIR/.lock" || {
        _moto_err "cannot open the lock file $_MOTO_DIR/.lock"
        return 1
    }
    flock -w 900 "$_MOTO_LOCK_FD" || {
        _moto_err "another run held $_MOTO_DIR/.lock for 15 minutes; giving up"
        _moto_unlock
        return 1
    }
}

_moto_unlock() {
    if [ -n "${_MOTO_LOCK_FD:-}" ]; then
        exec {_MOTO_LOCK_FD}>&- || true
        _MOTO_LOCK_FD=""
    fi
    return 0
}

# ---- public functions ---------------------------------------------------------
moto_stop() {
    local pid="${MOTO_PID:-}"
    if [ -n "$pid" ]; then
        _moto_kill "$pid"
        _moto_log "moto (pid $pid) stopped"
    fi
    if [ -n "${_MOTO_PIDFILE:-}" ]; then rm -f "$_MOTO_PIDFILE"; fi
    return 0
}

_moto_start_locked() {
    local tree="" suite
    if tree="$(_moto_cached_tree)"; then
        _moto_log "step 2 (download): skipped, reusing $tree"
        _moto_log "suite=$(_moto_info "$tree" suite) debs: $(_moto_info "$tree" debs)"
        _moto_log "moto.__version__=$(_moto_info "$tree" version)"
        touch "$tree/.certguard-moto-ok" 2>/dev/null || true
        if _moto_launch "$tree"; then
            _MOTO_TREE="$tree"
            return 0
        fi
        _moto_log "cached moto failed to start; downloading and unpacking again"
        rm -f "$_MOTO_DIR/current" "$tree/.certguard-moto-ok"
    fi
    for suite in $_MOTO_SUITES; do
        if ! _moto_download "$suite"; then
            _moto_log "suite $suite: download failed; trying the next suite"
            continue
        fi
        if ! tree="$(_moto_unpack "$suite")"; then
            _moto_log "suite $suite: moto does not import; trying the next suite"
            continue
        fi
        _moto_log "suite=$suite debs: $(_moto_info "$tree" debs)"
        _moto_log "moto.__version__=$(_moto_info "$tree" version)"
        if _moto_launch "$tree"; then
            if ! printf '%s\n' "$tree" >"$_MOTO_DIR/current.tmp" ||
                ! mv "$_MOTO_DIR/current.tmp" "$_MOTO_DIR/current"; then
                _moto_log "warning: cannot record $tree as the cached moto"
            fi
            _moto_prune
            _MOTO_TREE="$tree"
            return 0
        fi
        rm -f "$tree/.certguard-moto-ok" # never reuse a tree that did not start
        _moto_log "suite $suite: moto failed to start; trying the next suite"
    done
    _moto_err "no suite of '$_MOTO_SUITES' gave a working moto (see the messages above)"
    return 1
}

moto_start() {
    local us0 rc=0
    us0="$(_moto_us)"
    if [ ! -r "$_MOTO_LAUNCHER" ]; then
        _moto_err "launcher $_MOTO_LAUNCHER not found"
        return 1
    fi
    _moto_install_deps || return 1
    if [ ! -x "$_MOTO_PY" ]; then
        _moto_err "step 1 (runtime deps): $_MOTO_PY is missing after the install"
        return 1
    fi
    mkdir -p "$_MOTO_DIR/apt" "$_MOTO_DIR/unpack" "$_MOTO_DIR/run" || {
        _moto_err "cannot create the cache directory $_MOTO_DIR"
        return 1
    }
    _moto_lock || return 1
    _moto_start_locked || rc=$?
    _moto_unlock
    if [ "$rc" -ne 0 ]; then
        return 1
    fi

    export AWS_ENDPOINT_URL="http://127.0.0.1:$_MOTO_PORT"
    export AWS_REGION=us-east-1
    export AWS_DEFAULT_REGION=us-east-1
    export AWS_ACCESS_KEY_ID=test
    export AWS_SECRET_ACCESS_KEY=test
    export MOTO_PID="$_MOTO_NEW_PID"
    export MOTO_LOG="$_MOTO_NEW_LOG"
    # If a proxy is configured, make sure clients reach the emulator directly.
    if [ -n "${http_proxy:-}${HTTP_PROXY:-}${https_proxy:-}${HTTPS_PROXY:-}" ]; then
        export no_proxy="${no_proxy:+$no_proxy,}127.0.0.1,localhost"
        export NO_PROXY="${NO_PROXY:+$NO_PROXY,}127.0.0.1,localhost"
    fi
    _moto_log "ready in $(_moto_since "$us0") s: moto $(_moto_info "$_MOTO_TREE" version)" \
        "(suite $(_moto_info "$_MOTO_TREE" suite)) at $AWS_ENDPOINT_URL, pid $MOTO_PID"
    return 0
}

moto_start
