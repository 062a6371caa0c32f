#!/usr/bin/env bash
# Private PostgreSQL 15 and RabbitMQ 3.10 instances for developing and testing Exchange.
#
#   scripts/services.sh start    install (apt, only if missing) and start both; idempotent
#   scripts/services.sh stop     stop both and our private epmd; idempotent
#   scripts/services.sh status   exit 0 only if both run and answer
#   scripts/services.sh env      print `export ...` lines: eval "$(scripts/services.sh env)"
#   scripts/services.sh crash postgresql|rabbitmq
#                                kill that server's processes with SIGKILL, no shutdown (for crash tests);
#                                `start` brings it back through its own crash recovery
#   scripts/services.sh rabbitmqctl ARGS...
#                                run rabbitmqctl against our RabbitMQ node (its cookie, epmd and node name)
#
# Both instances are bound to 127.0.0.1, keep all their data under the state directory and never
# touch a system-wide instance (no systemd, no /etc/postgresql cluster, no /etc/rabbitmq, no epmd
# on 4369). Must run as root (PostgreSQL itself runs as the `postgres` OS user).
#
# Settings (environment, with defaults). The default ports lie below the kernel's ephemeral range (32768-60999):
# RabbitMQ cannot bind a port that an outgoing connection used a moment before (TIME_WAIT), and CI must not fail
# on such a coincidence.
#   EXCHANGE_STATE_DIR          <repo>/.state/services
#   EXCHANGE_PG_PORT            24432
#   EXCHANGE_PG_PASSWORD        exchange   (superuser `exchange`, database `exchange`)
#   EXCHANGE_RABBIT_PORT        24672      (AMQP)
#   EXCHANGE_RABBIT_MGMT_PORT   24673      (management HTTP API)
#   EXCHANGE_RABBIT_DIST_PORT   24674      (Erlang distribution)
#   EXCHANGE_RABBIT_EPMD_PORT   24675      (private epmd, never the shared 4369)
#   EXCHANGE_RABBIT_NODENAME    exchange@localhost (Erlang node name; give a second instance a name of its own)
#   EXCHANGE_RABBIT_USER        exchange   (tag administrator, full permissions on vhost /)
#   EXCHANGE_RABBIT_PASSWORD    exchange
#   EXCHANGE_SERVICES_TIMEOUT   120        (seconds to wait for each service to come up)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"

STATE_DIR="${EXCHANGE_STATE_DIR:-$REPO_ROOT/.state/services}"
case "$STATE_DIR" in /*) ;; *) STATE_DIR="$PWD/$STATE_DIR" ;; esac
STATE_DIR="${STATE_DIR%/}"

PG_PORT="${EXCHANGE_PG_PORT:-24432}"
PG_USER="exchange"
PG_PASSWORD="${EXCHANGE_PG_PASSWORD:-exchange}"
PG_DATABASE="exchange"
RB_PORT="${EXCHANGE_RABBIT_PORT:-24672}"
RB_MGMT_PORT="${EXCHANGE_RABBIT_MGMT_PORT:-24673}"
RB_DIST_PORT="${EXCHANGE_RABBIT_DIST_PORT:-24674}"
RB_EPMD_PORT="${EXCHANGE_RABBIT_EPMD_PORT:-24675}"
RB_USER="${EXCHANGE_RABBIT_USER:-exchange}"
RB_PASSWORD="${EXCHANGE_RABBIT_PASSWORD:-exchange}"
RB_NODENAME="${EXCHANGE_RABBIT_NODENAME:-exchange@localhost}"
TIMEOUT="${EXCHANGE_SERVICES_TIMEOUT:-120}"

PG_BIN=/usr/lib/postgresql/15/bin
RB_BIN=/usr/lib/rabbitmq/bin

# RabbitMQ runs as root, so its files can live anywhere.
RB_BASE="$STATE_DIR/rabbitmq"
RB_PID_FILE="$RB_BASE/rabbitmq.pid"
RB_MNESIA_BASE="$RB_BASE/mnesia"
RB_LOG_BASE="$RB_BASE/log"
RB_STDOUT_LOG="$RB_BASE/rabbitmq-server.out"

# PostgreSQL runs as `postgres`, which must be able to traverse every parent of its directory.
# "$STATE_DIR/postgres" is either that directory or, when the state dir is not reachable for
# `postgres` (e.g. a repo under /root, mode 700) or the Unix socket path would be too long, a
# symlink to /var/lib/exchange-test/<hash of the state dir>/postgres. The symlink records the
# choice so later runs (status/stop) find the same cluster. Set by pg_locate.
PG_LINK="$STATE_DIR/postgres"
PG_BASE=""
PG_DATA=""
PG_SOCKET_DIR=""
PG_LOG=""

log() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# connection settings
# ---------------------------------------------------------------------------------------------
urlencode() {
  local s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      [a-zA-Z0-9._~-]) out+="$c" ;;
      *) out+="$(printf '%%%02X' "'$c")" ;;
    esac
  done
  printf '%s' "$out"
}

# Value for an ADO.NET-style connection string (quoted if it contains special characters).
connvalue() {
  local v="$1"
  case "$v" in
    *[\;\'\"=[:space:]]*) printf '"%s"' "${v//\"/\"\"}" ;;
    *) printf '%s' "$v" ;;
  esac
}

# Prints NAME<TAB>VALUE lines.
settings() {
  printf '%s\t%s\n' \
    ConnectionStrings__exchange "Host=127.0.0.1;Port=$PG_PORT;Username=$PG_USER;Password=$(connvalue "$PG_PASSWORD");Database=$PG_DATABASE" \
    ConnectionStrings__broker "amqp://$(urlencode "$RB_USER"):$(urlencode "$RB_PASSWORD")@127.0.0.1:$RB_PORT/" \
    Exchange__Broker__ManagementUrl "http://127.0.0.1:$RB_MGMT_PORT/" \
    Exchange__Broker__ManagementUser "$RB_USER" \
    Exchange__Broker__ManagementPassword "$RB_PASSWORD"
}

print_exports() {
  local name value
  while IFS=$'\t' read -r name value; do
    printf "export %s='%s'\n" "$name" "${value//\'/\'\\\'\'}"
  done < <(settings)
}

print_plain() {
  local name value
  while IFS=$'\t' read -r name value; do
    printf '%s=%s\n' "$name" "$value"
  done < <(settings)
}

# ---------------------------------------------------------------------------------------------
# installation
# ---------------------------------------------------------------------------------------------
ensure_installed() {
  local pkgs=()
  [[ -x $PG_BIN/pg_ctl && -x $PG_BIN/initdb && -x /usr/bin/psql ]] || pkgs+=(postgresql)
  [[ -x $RB_BIN/rabbitmq-server && -x $RB_BIN/rabbitmqctl ]] || pkgs+=(rabbitmq-server)
  command -v curl >/dev/null 2>&1 || pkgs+=(curl)
  ((${#pkgs[@]})) || return 0

  log "installing with apt: ${pkgs[*]}"
  # The packages' maintainer scripts would start the system-wide services (PostgreSQL's main
  # cluster on 5432, RabbitMQ, epmd) where invoke-rc.d is allowed to; forbid that for the
  # duration of the install if no policy is in place already.
  local policy=/usr/sbin/policy-rc.d added_policy=""
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\n# temporary, added by exchange scripts/services.sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    added_policy=1
  fi
  local rc=0
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${pkgs[@]}"; } >&2 || rc=$?
  [[ -n $added_policy ]] && rm -f "$policy"
  ((rc == 0)) || die "apt-get install ${pkgs[*]} failed (exit $rc)"
  [[ -x $PG_BIN/pg_ctl ]] || die "$PG_BIN/pg_ctl still missing after installing postgresql (not version 15?)"
  [[ -x $RB_BIN/rabbitmq-server ]] || die "$RB_BIN/rabbitmq-server still missing after install"
  id postgres >/dev/null 2>&1 || die "OS user postgres missing after installing postgresql"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------
as_postgres() { (cd / && runuser -u postgres -- "$@"); }

# Sets PG_BASE and friends from an existing $PG_LINK; with "create", decides and creates it.
pg_locate() {
  local mode="${1:-}"
  if [[ -L $PG_LINK ]]; then
    PG_BASE="$(readlink -f "$PG_LINK")"
  elif [[ -d $PG_LINK || $mode != create ]]; then
    PG_BASE="$PG_LINK"
  else
    PG_BASE="$PG_LINK"
    local reason=""
    if ! id postgres >/dev/null 2>&1; then
      die "OS user postgres does not exist (is the postgresql package installed?)"
    elif ! as_postgres test -x "$STATE_DIR"; then
      reason="user postgres cannot traverse $STATE_DIR"
    elif ((${#PG_LINK} + 20 > 100)); then
      reason="the Unix socket path under $PG_LINK would be too long"
    fi
    if [[ -n $reason ]]; then
      local hash
      hash="$(printf '%s' "$STATE_DIR" | sha256sum | cut -c1-16)"
      PG_BASE="/var/lib/exchange-test/$hash/postgres"
      log "PostgreSQL data goes to $PG_BASE ($reason); linked from $PG_LINK"
      mkdir -p "$PG_BASE"
      chmod 755 /var/lib/exchange-test "/var/lib/exchange-test/$hash"
      ln -sfn "$PG_BASE" "$PG_LINK"
    else
      mkdir -p "$PG_BASE"
    fi
    chown postgres:postgres "$PG_BASE"
    chmod 700 "$PG_BASE"
  fi
  PG_DATA="$PG_BASE/data"
  PG_SOCKET_DIR="$PG_BASE/run"
  PG_LOG="$PG_BASE/postgresql.log"
}

pg_running() { [[ -f $PG_DATA/PG_VERSION ]] && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }
pg_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2 >/dev/null 2>&1; }

pg_fail() {
  log "$1"
  if [[ -f $PG_LOG ]]; then
    log "last lines of $PG_LOG:"
    tail -n 30 "$PG_LOG" >&2 || true
  fi
  exit 1
}

pg_initdb() {
  log "initialising PostgreSQL cluster in $PG_DATA"
  local pwfile="$PG_BASE/.pwfile"
  rm -rf "$PG_DATA"
  (umask 077 && printf '%s\n' "$PG_PASSWORD" >"$pwfile")
  chown postgres:postgres "$pwfile"
  local rc=0
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" --username="$PG_USER" --pwfile="$pwfile" \
    --auth-host=scram-sha-256 --auth-local=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$PG_BASE/initdb.log" 2>&1 || rc=$?
  rm -f "$pwfile"
  if ((rc != 0)); then
    tail -n 30 "$PG_BASE/initdb.log" >&2 || true
    rm -rf "$PG_DATA"
    die "initdb failed (exit $rc), see $PG_BASE/initdb.log"
  fi
  # Our settings live in exchange.conf, rewritten on every start.
  printf "\n# added by exchange scripts/services.sh\ninclude_if_exists = 'exchange.conf'\n" \
    >>"$PG_DATA/postgresql.conf"
}

pg_write_conf() {
  local conf="$PG_DATA/exchange.conf"
  cat >"$conf" <<EOF
# generated by exchange scripts/services.sh on every start; edits are lost
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
max_connections = 200
# durability software: keep crash safety on
fsync = on
synchronous_commit = on
full_page_writes = on
password_encryption = 'scram-sha-256'
log_line_prefix = '%m [%p] %q%u@%d '
EOF
  chown postgres:postgres "$conf"
}

# Superuser connection over the private Unix socket (trust; the socket dir is mode 700).
pg_psql() { PGPASSWORD="$PG_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U "$PG_USER" "$@"; }

pg_start() {
  pg_locate create
  if pg_running; then
    log "PostgreSQL already running (data $PG_DATA)"
  else
    [[ -f $PG_DATA/PG_VERSION ]] || pg_initdb
    pg_write_conf
    mkdir -p "$PG_SOCKET_DIR"
    chown postgres:postgres "$PG_SOCKET_DIR"
    chmod 700 "$PG_SOCKET_DIR"
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT (data $PG_DATA, log $PG_LOG)"
    # 9>&-: the server must not inherit (and hold) our lock file descriptor.
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$TIMEOUT" start >/dev/null 2>&1 9>&- ||
      pg_fail "PostgreSQL failed to start (port $PG_PORT in use?)"
  fi
  local deadline=$((SECONDS + TIMEOUT))
  until pg_ready; do
    ((SECONDS < deadline)) || pg_fail "PostgreSQL runs but does not answer on 127.0.0.1:$PG_PORT within ${TIMEOUT}s (port changed? run stop, then start)"
    sleep 0.2
  done
  # The password follows EXCHANGE_PG_PASSWORD even if it changed after initdb.
  if ! PGPASSWORD="$PG_PASSWORD" psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres \
    -tAc 'SELECT 1' >/dev/null 2>&1; then
    log "setting the password of role $PG_USER"
    pg_psql -d postgres -v pw="$PG_PASSWORD" >/dev/null <<<"ALTER ROLE $PG_USER PASSWORD :'pw';" ||
      pg_fail "could not set the password of role $PG_USER"
  fi
  if [[ "$(pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'")" != 1 ]]; then
    log "creating database $PG_DATABASE"
    pg_psql -d postgres -c "CREATE DATABASE $PG_DATABASE" >/dev/null || pg_fail "could not create database $PG_DATABASE"
  fi
  log "PostgreSQL ready on 127.0.0.1:$PG_PORT"
}

pg_stop() {
  pg_locate
  if pg_running; then
    log "stopping PostgreSQL (data $PG_DATA)"
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1 ||
      as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 stop >/dev/null 2>&1 ||
      log "pg_ctl stop failed"
  else
    log "PostgreSQL not running"
  fi
  local pids="" pid
  for pid in $(pgrep -x postgres || true); do
    [[ "$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline")" == *" -D $PG_DATA "* ]] && pids+="$pid "
  done
  if [[ -n $pids ]]; then
    log "killing leftover PostgreSQL processes: $pids"
    kill -9 $pids 2>/dev/null || true
  fi
}

pg_status() {
  pg_locate
  if ! pg_running; then
    echo "postgresql: not running (data $PG_DATA)"
    return 1
  fi
  if pg_ready; then
    echo "postgresql: running and answering on 127.0.0.1:$PG_PORT (data $PG_DATA)"
  else
    echo "postgresql: running but NOT answering on 127.0.0.1:$PG_PORT (data $PG_DATA)"
    return 1
  fi
}

# PIDs of the cluster's processes: the postmaster chdirs into its data directory and its children inherit that, which
# tells ours from any other cluster's, also once the postmaster is gone and its children have been handed to init.
pg_cluster_pids() { # CANONICAL_DATA_DIR
  local pid
  for pid in $(pgrep -x postgres || true); do
    [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" == "$1" ]] && echo "$pid"
  done
  return 0
}

pg_crash() {
  pg_locate
  local pid_file="$PG_DATA/postmaster.pid" data postmaster left
  [[ -f $pid_file ]] || die "PostgreSQL is not running (no $pid_file)"
  data="$(readlink -f "$PG_DATA")"
  postmaster="$(head -n 1 "$pid_file")"
  [[ "$(readlink "/proc/$postmaster/cwd" 2>/dev/null)" == "$data" ]] ||
    die "process $postmaster named by $pid_file is not the postmaster of $data"
  # The postmaster first, so it forks nothing more; then every process it had forked, whose shared memory would
  # otherwise keep a new postmaster from starting.
  log "killing PostgreSQL with SIGKILL (postmaster $postmaster, data $PG_DATA)"
  kill -KILL "$postmaster"
  local deadline=$((SECONDS + 30))
  while left="$(pg_cluster_pids "$data")"; [[ -n $left || -e /proc/$postmaster ]]; do
    ((SECONDS < deadline)) || die "PostgreSQL processes still there 30s after SIGKILL: $postmaster $left"
    [[ -n $left ]] && kill -KILL $left 2>/dev/null || true
    sleep 0.1
  done
}

# ---------------------------------------------------------------------------------------------
# RabbitMQ
# ---------------------------------------------------------------------------------------------
# Every rabbitmq-server / rabbitmqctl invocation goes through this environment.
rabbit_env() {
  export HOME="$RB_BASE/home"
  export RABBITMQ_NODENAME="$RB_NODENAME"
  export RABBITMQ_USE_LONGNAME=false
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$RB_PORT"
  export RABBITMQ_DIST_PORT="$RB_DIST_PORT"
  # RABBITMQ_NODE_IP_ADDRESS covers AMQP only; keep the distribution listener on loopback too.
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export ERL_EPMD_PORT="$RB_EPMD_PORT"
  export RABBITMQ_CONFIG_FILE="$RB_BASE/rabbitmq.conf"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$RB_BASE/advanced.config"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RB_BASE/enabled_plugins"
  export RABBITMQ_MNESIA_BASE="$RB_MNESIA_BASE"
  export RABBITMQ_LOG_BASE="$RB_LOG_BASE"
  export RABBITMQ_PID_FILE="$RB_PID_FILE"
  export RABBITMQ_CONF_ENV_FILE="$RB_BASE/rabbitmq-env.conf"
}

rabbitmqctl() { (rabbit_env && "$RB_BIN/rabbitmqctl" "$@"); }

# Is PID our node's Erlang VM? Its environment names our mnesia base, and it boots rabbit: rabbitmqctl runs in a beam.smp
# with the same environment. /proc files are read whole (grep on the file, or a command substitution), never through
# `tr | grep -q`: under pipefail that pipeline fails whenever grep has matched and quit before tr wrote its last
# block (SIGPIPE), so a node whose environment is larger than a pipe write (that of a test run) was reported gone at
# random, and `crash` answered "not running".
rabbit_is_node() {
  local pid="$1" cmdline
  proc_alive "$pid" && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == beam.smp ]] || return 1
  grep -qzxF -- "RABBITMQ_MNESIA_BASE=$RB_MNESIA_BASE" "/proc/$pid/environ" 2>/dev/null || return 1
  cmdline="$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline")" || return 1
  [[ $cmdline == *" -s rabbit boot "* ]]
}

# PID of our node's beam: the one its pid file names (the node writes it early in its boot); failing that (a node
# still booting, a pid file removed by hand), any beam that passes rabbit_is_node.
rabbit_pids() {
  local pid
  if [[ -s $RB_PID_FILE ]] && pid="$(head -n 1 "$RB_PID_FILE")" && rabbit_is_node "$pid"; then
    echo "$pid"
    return 0
  fi
  for pid in $(pgrep -x beam.smp || true); do
    rabbit_is_node "$pid" && echo "$pid"
  done
  return 0
}

rabbit_running() { [[ -n "$(rabbit_pids)" ]]; }

mgmt() { # METHOD PATH [curl args...]
  local method="$1" path="$2"
  shift 2
  curl -s -o /dev/null -w '%{http_code}' --max-time 10 -u "$RB_USER:$RB_PASSWORD" \
    -X "$method" "http://127.0.0.1:$RB_MGMT_PORT$path" "$@" || true
}

rabbit_answers() {
  [[ "$(mgmt GET /api/overview)" == 200 ]] && (exec 3<>"/dev/tcp/127.0.0.1/$RB_PORT") 2>/dev/null
}

rabbit_fail() {
  log "$1"
  local f
  for f in "$RB_STDOUT_LOG" "$RB_LOG_BASE/$RB_NODENAME.log"; do
    if [[ -f $f ]]; then
      log "last lines of $f:"
      tail -n 30 "$f" >&2 || true
    fi
  done
  exit 1
}

rabbit_write_conf() {
  mkdir -p "$RB_BASE/home" "$RB_MNESIA_BASE" "$RB_LOG_BASE"
  chmod 700 "$RB_BASE/home"
  : >"$RB_BASE/rabbitmq-env.conf"
  echo '[rabbitmq_management].' >"$RB_BASE/enabled_plugins"
  (
    umask 077
    cat >"$RB_BASE/rabbitmq.conf" <<EOF
# generated by exchange scripts/services.sh on every start; edits are lost
listeners.tcp.default = 127.0.0.1:$RB_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $RB_MGMT_PORT
# Only our user is created on the first boot (no guest); start also ensures it with rabbitmqctl.
default_user = $RB_USER
default_pass = $RB_PASSWORD
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
log.file.level = info
log.console = false
EOF
  )
}

# Is our user present with this password, the administrator tag and full permissions on /?
rabbit_user_ok() {
  local perms
  perms="$(curl -s --max-time 10 -u "$RB_USER:$RB_PASSWORD" \
    "http://127.0.0.1:$RB_MGMT_PORT/api/permissions/%2F/$(urlencode "$RB_USER")" || true)"
  [[ $perms == *'"configure":".*"'* && $perms == *'"write":".*"'* && $perms == *'"read":".*"'* ]] || return 1
  [[ "$(curl -s --max-time 10 -u "$RB_USER:$RB_PASSWORD" "http://127.0.0.1:$RB_MGMT_PORT/api/whoami" || true)" == *administrator* ]]
}

rabbit_ensure_user() {
  rabbit_user_ok && return 0
  log "ensuring RabbitMQ user $RB_USER"
  if rabbitmqctl list_users -q -s 2>/dev/null | awk '{print $1}' | grep -qxF -- "$RB_USER"; then
    rabbitmqctl change_password -- "$RB_USER" "$RB_PASSWORD" >/dev/null
  else
    rabbitmqctl add_user -- "$RB_USER" "$RB_PASSWORD" >/dev/null
  fi
  rabbitmqctl set_user_tags "$RB_USER" administrator >/dev/null
  rabbitmqctl set_permissions -p / "$RB_USER" '.*' '.*' '.*' >/dev/null
  rabbit_user_ok || rabbit_fail "RabbitMQ user $RB_USER still not usable through the management API"
}

rabbit_quorum_selftest() {
  local q=/api/queues/%2F/exchange.selftest code
  code="$(mgmt PUT "$q" -H 'content-type: application/json' \
    --data '{"durable":true,"auto_delete":false,"arguments":{"x-queue-type":"quorum"}}')"
  [[ $code == 201 || $code == 204 ]] || rabbit_fail "declaring quorum queue exchange.selftest failed (HTTP $code)"
  local body
  body="$(curl -s --max-time 10 -u "$RB_USER:$RB_PASSWORD" "http://127.0.0.1:$RB_MGMT_PORT$q" || true)"
  [[ $body == *'"type":"quorum"'* ]] || rabbit_fail "exchange.selftest is not a quorum queue: $body"
  code="$(mgmt DELETE "$q")"
  [[ $code == 204 || $code == 404 ]] || rabbit_fail "deleting exchange.selftest failed (HTTP $code)"
  log "quorum queue declare/delete works"
}

# True if the process exists and is not a zombie.
proc_alive() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ -n $stat && ${stat:0:1} != Z ]]
}

rabbit_start() {
  local launcher=""
  if rabbit_running; then
    log "RabbitMQ node $RB_NODENAME already running (pid $(rabbit_pids | tr '\n' ' '))"
    if rabbit_answers && rabbit_user_ok; then
      log "RabbitMQ ready on 127.0.0.1:$RB_PORT (management http://127.0.0.1:$RB_MGMT_PORT/)"
      return 0
    fi
  else
    rabbit_write_conf
    rm -f "$RB_PID_FILE"
    log "starting RabbitMQ node $RB_NODENAME on 127.0.0.1:$RB_PORT (data $RB_MNESIA_BASE, log $RB_LOG_BASE)"
    (
      rabbit_env
      cd "$RB_BASE"
      exec setsid nohup "$RB_BIN/rabbitmq-server" >>"$RB_STDOUT_LOG" 2>&1 </dev/null 9>&-
    ) &
    launcher=$!
    disown "$launcher" 2>/dev/null || true
  fi
  # rabbitmqctl wait blocks until the node is up; meanwhile notice a node that died while booting
  # (it never writes the pid file then, and the wait would run into its timeout).
  (rabbit_env && exec timeout $((TIMEOUT + 10)) "$RB_BIN/rabbitmqctl" wait --timeout "$TIMEOUT" "$RB_PID_FILE") \
    >/dev/null 2>&1 9>&- &
  local waiter=$! rc=0
  while proc_alive "$waiter"; do
    if ! { [[ -n $launcher ]] && proc_alive "$launcher"; } && ! rabbit_running; then
      kill "$waiter" 2>/dev/null || true
      wait "$waiter" 2>/dev/null || true
      rabbit_fail "RabbitMQ node exited while starting"
    fi
    sleep 0.3
  done
  wait "$waiter" || rc=$?
  ((rc == 0)) || rabbit_fail "RabbitMQ did not come up within ${TIMEOUT}s (rabbitmqctl wait exit $rc)"
  local deadline=$((SECONDS + TIMEOUT))
  until [[ "$(mgmt GET /api/overview)" =~ ^(200|401)$ ]] && (exec 3<>"/dev/tcp/127.0.0.1/$RB_PORT") 2>/dev/null; do
    ((SECONDS < deadline)) || rabbit_fail "RabbitMQ runs but does not answer on 127.0.0.1:$RB_PORT / management port $RB_MGMT_PORT"
    sleep 0.3
  done
  rabbit_ensure_user
  rabbit_quorum_selftest
  log "RabbitMQ ready on 127.0.0.1:$RB_PORT (management http://127.0.0.1:$RB_MGMT_PORT/)"
}

# PID of the epmd listening on our private port (it inherited ERL_EPMD_PORT from the node). Files read whole, as in
# rabbit_is_node.
epmd_pids() {
  local pid
  for pid in $(pgrep -x epmd || true); do
    if grep -qzxF -- "ERL_EPMD_PORT=$RB_EPMD_PORT" "/proc/$pid/environ" 2>/dev/null; then
      echo "$pid"
    elif [[ "$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") " == *" -port $RB_EPMD_PORT "* ]]; then
      echo "$pid"
    fi
  done
  return 0
}

rabbit_stop() {
  if rabbit_running; then
    log "stopping RabbitMQ node $RB_NODENAME"
    if [[ -f $RB_PID_FILE ]]; then
      (rabbit_env && exec timeout 90 "$RB_BIN/rabbitmqctl" stop "$RB_PID_FILE") >/dev/null 2>&1 ||
        log "rabbitmqctl stop failed; terminating the node"
    else
      rabbitmqctl stop >/dev/null 2>&1 || log "rabbitmqctl stop failed; terminating the node"
    fi
    local pids i
    for i in $(seq 1 50); do
      pids="$(rabbit_pids)"
      [[ -z $pids ]] && break
      ((i == 20)) && kill $pids 2>/dev/null || true
      ((i == 45)) && kill -9 $pids 2>/dev/null || true
      sleep 0.2
    done
  else
    log "RabbitMQ not running"
  fi
  rm -f "$RB_PID_FILE"
  local epmd
  epmd="$(epmd_pids)"
  if [[ -n $epmd ]]; then
    local names
    names="$(ERL_EPMD_ADDRESS=127.0.0.1 timeout 5 epmd -port "$RB_EPMD_PORT" -names 2>/dev/null | grep '^name ' || true)"
    if [[ -n $names ]]; then
      log "leaving private epmd (pid $epmd) running: other nodes are still registered: $names"
    else
      log "stopping private epmd on port $RB_EPMD_PORT (pid $epmd)"
      kill $epmd 2>/dev/null || true
    fi
  fi
}

rabbit_crash() {
  local pids
  pids="$(rabbit_pids)"
  [[ -n $pids ]] || rabbit_fail "RabbitMQ node $RB_NODENAME is not running (pid file $RB_PID_FILE: $(cat "$RB_PID_FILE" 2>/dev/null || echo none))"
  log "killing RabbitMQ node $RB_NODENAME with SIGKILL (beam ${pids//$'\n'/ })"
  kill -KILL $pids
  local deadline=$((SECONDS + 30))
  while [[ -n "$(rabbit_pids)" ]]; do
    ((SECONDS < deadline)) || die "RabbitMQ node $RB_NODENAME still there 30s after SIGKILL"
    sleep 0.1
  done
}

rabbit_status() {
  if ! rabbit_running; then
    echo "rabbitmq: not running (node $RB_NODENAME, data $RB_MNESIA_BASE)"
    return 1
  fi
  if rabbit_answers; then
    echo "rabbitmq: running and answering on 127.0.0.1:$RB_PORT, management http://127.0.0.1:$RB_MGMT_PORT/ (node $RB_NODENAME)"
  else
    echo "rabbitmq: running but NOT answering on 127.0.0.1:$RB_PORT / management port $RB_MGMT_PORT (node $RB_NODENAME)"
    return 1
  fi
}

# ---------------------------------------------------------------------------------------------
prepare_state_dir() {
  # Create the state dir; the directories we create get o+x so `postgres` can pass through.
  local missing="" d="$STATE_DIR"
  while [[ ! -e $d && $d != / ]]; do
    missing="$d $missing"
    d="$(dirname "$d")"
  done
  mkdir -p "$STATE_DIR"
  for d in $missing; do chmod o+x "$d"; done
}

need_root() { [[ $(id -u) == 0 ]] || die "must run as root (PostgreSQL runs as user postgres via runuser)"; }

with_lock() {
  exec 9>"$STATE_DIR/.lock"
  flock -w $((TIMEOUT * 2)) 9 || die "another services.sh holds $STATE_DIR/.lock"
}

cmd="${1:-}"
case "$cmd" in
  start)
    need_root
    ensure_installed
    prepare_state_dir
    with_lock
    pg_start
    rabbit_start
    echo "Connection settings (eval \"\$(scripts/services.sh env)\" exports them):"
    print_plain
    ;;
  stop)
    need_root
    if [[ -d $STATE_DIR ]]; then
      with_lock
      pg_stop
      rabbit_stop
    else
      log "no state dir $STATE_DIR: nothing of ours runs"
    fi
    ;;
  status)
    rc=0
    if [[ -x $PG_BIN/pg_ctl ]]; then pg_status || rc=1; else echo "postgresql: not installed"; rc=1; fi
    if [[ -x $RB_BIN/rabbitmq-server ]]; then rabbit_status || rc=1; else echo "rabbitmq: not installed"; rc=1; fi
    exit $rc
    ;;
  env)
    print_exports
    ;;
  rabbitmqctl)
    need_root
    shift
    rabbitmqctl "$@"
    ;;
  crash)
    need_root
    with_lock
    case "${2:-}" in
      postgresql) pg_crash ;;
      rabbitmq) rabbit_crash ;;
      *) die "usage: $0 crash postgresql|rabbitmq" ;;
    esac
    ;;
  *)
    echo "usage: $0 start|stop|status|env|crash|rabbitmqctl" >&2
    exit 2
    ;;
esac
