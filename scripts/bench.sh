#!/usr/bin/env bash
# End-to-end figures for the gateway: SendRequest -> PostgreSQL + RabbitMQ -> GetRequest + Ack.
#
#   scripts/bench.sh [--messages N] [--senders M] [--receivers R] [--payload BYTES] [--warmup N]
#                    [--timeout-seconds S] [--algorithm gost2012-256|gost2012-512|rsa|ecdsa]
#   scripts/bench.sh crypto
#   scripts/bench.sh search [--messages N] [--runs N] [--warmup N]
#                    (the operator console's message searches on N generated messages, 1,000,000 by default,
#                     in a database of its own, exchange_bench_search, dropped after the run)
#   scripts/bench.sh waiting [--messages N] [--rate PER_SECOND] [--receivers R] [--poll-ms MS] [--wait-seconds S] [--warmup N]
#                    (a steady trickle of messages received by polling receivers, then by waiting ones (Prefer: wait):
#                     CPU per message and latency from inbox to delivered for both)
#
# Starts the private services (scripts/services.sh start) if they are not running, then runs
# bench/Exchange.Bench in Release. The bench works in its own database and RabbitMQ virtual host
# (exchange_bench), made fresh for the run and dropped after it. Exits non-zero when a send fails,
# a message is not acknowledged, or a check on the gateway's tables fails.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"

# Quiet unless it fails: then its output says why.
if ! services_log="$("$SCRIPT_DIR/services.sh" start 2>&1)"; then
  printf '%s\n' "$services_log" >&2
  echo "[bench] ERROR: scripts/services.sh start failed" >&2
  exit 1
fi
eval "$("$SCRIPT_DIR/services.sh" env)"

exec dotnet run -c Release --project "$REPO_ROOT/bench/Exchange.Bench" -- "$@"
