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
for project in src/Gateway/Exchange.Gateway src/Tools/Exchange.Cli src/Adapters/Exchange.Adapters.Demo; do
    dotnet build "$project" --nologo -v quiet -c Release | grep -E "error|warn" || true
done

cli() { dotnet run --no-build -c Release --project src/Tools/Exchange.Cli -- "$@"; }
demo_app() { dotnet run --no-build -c Release --project src/Adapters/Exchange.Adapters.Demo -- "$@"; }
keys="$demo/keys"
export EXCHANGE_KEY_PASSWORD="${EXCHANGE_KEY_PASSWORD:-demo}"

echo "== demo regional CA, the information systems' and gateway's GOST R 34.10-2012 keys in $keys/"
if [ ! -f "$keys/ca.p12" ]; then
    cli keys ca --out "$keys" --subject "CN=Exchange demo regional CA, O=Leningrad region, C=RU"
fi
for name in GATEWAY $(demo_app systems); do
    [ -f "$keys/$name.p12" ] || cli keys issue --ca "$keys/ca.p12" --name "$name" --out "$keys"
done
cli keys crl --ca "$keys/ca.p12" --out "$keys/ca.crl"
cli keys show "$keys/PORTAL_GATEWAY.cer"
directory=$(demo_app directory "$keys")
[ -f "$demo/admin-token" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr '+/' '-_' >"$demo/admin-token")
admin_token=$(cat "$demo/admin-token")

echo "== starting the gateway on $url (log: $demo/gateway.log)"
Exchange__Gateway__DirectoryFile="$directory" \
Exchange__Admin__Tokens__demo_admin="$admin_token" \
Exchange__Signing__KeyFile="$keys/GATEWAY.p12" \
Exchange__Signing__KeyPassword="$EXCHANGE_KEY_PASSWORD" \
Exchange__Signing__TrustedCertificates__0="$keys/ca.cer" \
Exchange__Signing__Crls__0="$keys/ca.crl" \
Exchange__Console__AllowInsecureCookies=true \
    dotnet run --no-build -c Release --project src/Gateway/Exchange.Gateway -- --urls "$url" >"$demo/gateway.log" 2>&1 &
gateway=$!
trap 'kill $gateway 2>/dev/null; wait $gateway 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 120); do
    if curl -fs "$url/health/ready" >/dev/null 2>&1; then break; fi
    if ! kill -0 $gateway 2>/dev/null; then tail -n 30 "$demo/gateway.log"; echo "the gateway stopped" >&2; exit 1; fi
    sleep 0.5
done
curl -fs "$url/health/ready" >/dev/null || { tail -n 30 "$demo/gateway.log"; echo "the gateway did not become ready" >&2; exit 1; }

echo "== the console's demo operator (roles operator, content_reader; password in $demo/operator-password)"
[ -f "$demo/operator-password" ] || (umask 077; head -c 12 /dev/urandom | base64 | tr '+/' '-_' >"$demo/operator-password")
export EXCHANGE_URL="$url" EXCHANGE_ADMIN_TOKEN="$admin_token"
operator_roles=(--role operator --role content_reader)
users=$(cli users list)
if grep -q '^operator ' <<<"$users"; then
    # Left by an earlier run on the same database: the password of the file again (which also lifts a lockout), and no other roles.
    cli users password operator --password-file "$demo/operator-password"
    cli users role operator "${operator_roles[@]}"
else
    cli users add operator "${operator_roles[@]}" --password-file "$demo/operator-password"
fi

echo "== scripted exchange"
demo_app exchange "$url" "$keys"

cat <<EOT

== the gateway is running; look next at:
   operator console:             $url/console/login  (user operator, password $(cat "$demo/operator-password"))
   SOAP endpoint (SMEV 3, 1.3):  $url/smev/v1.3/ws
   status of a message (JSON):   the URLs above, for operators: curl -H "Authorization: Bearer \$(cat $demo/admin-token)" URL
   health:                       $url/health  $url/health/ready
   directory admin API:          $url/api/admin/directory  (Authorization: Bearer \$(cat $demo/admin-token))
   its OpenAPI description:      $url/openapi/v1.json
   RabbitMQ queues:              ${Exchange__Broker__ManagementUrl}#/queues  (user exchange / exchange)
   gateway log:                  $demo/gateway.log
   demo keys, CRL and directory: $keys/  (inspect one: dotnet run --project src/Tools/Exchange.Cli -- keys show $keys/PORTAL_GATEWAY.cer)
Press Ctrl-C to stop the gateway (scripts/services.sh stop stops PostgreSQL and RabbitMQ).
EOT
wait $gateway
