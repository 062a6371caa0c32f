#!/usr/bin/env bash
# The demo: services up, demo keys and directory, the gateway listening, a scripted exchange printed.
# The gateway keeps running in the foreground until Ctrl-C.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

port="${EXCHANGE_DEMO_PORT:-58080}"
url="http://127.0.0.1:$port"
demo="$PWD/.demo"

scripts/services.sh start >/dev/null
eval "$(scripts/services.sh env)"

echo "== building"
dotnet build Exchange.sln --nologo -v quiet -c Release >/dev/null

echo "== demo keys and directory in $demo/"
directory=$(dotnet run --no-build -c Release --project src/Adapters/Exchange.Adapters.Demo -- keys "$demo")

echo "== starting the gateway on $url (log: $demo/gateway.log)"
Exchange__Gateway__DirectoryFile="$directory" \
    dotnet run --no-build -c Release --project src/Gateway/Exchange.Gateway -- --urls "$url" >"$demo/gateway.log" 2>&1 &
gateway=$!
trap 'kill $gateway 2>/dev/null; wait $gateway 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 120); do
    if curl -fs "$url/health/ready" >/dev/null 2>&1; then break; fi
    if ! kill -0 $gateway 2>/dev/null; then tail -n 30 "$demo/gateway.log"; echo "the gateway stopped" >&2; exit 1; fi
    sleep 0.5
done
curl -fs "$url/health/ready" >/dev/null || { tail -n 30 "$demo/gateway.log"; echo "the gateway did not become ready" >&2; exit 1; }

echo "== scripted exchange"
dotnet run --no-build -c Release --project src/Adapters/Exchange.Adapters.Demo -- exchange "$url" "$demo"

cat <<EOT

== the gateway is running; look next at:
   SOAP endpoint (SMEV 3, 1.3):  $url/smev/v1.3/ws
   status of a message (JSON):   the URLs above
   health:                       $url/health  $url/health/ready
   RabbitMQ queues:              ${Exchange__Broker__ManagementUrl}#/queues  (user exchange / exchange)
   gateway log:                  $demo/gateway.log
   demo keys and directory:      $demo/
Press Ctrl-C to stop the gateway (scripts/services.sh stop stops PostgreSQL and RabbitMQ).
EOT
wait $gateway
