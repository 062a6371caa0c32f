#!/usr/bin/env bash
# Runs every test project against the real PostgreSQL and RabbitMQ (started here if needed) and ends with
# one line "N passed, N failed" summed over all projects. Exits non-zero when anything failed or did not run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/services.sh start >/dev/null
eval "$(scripts/services.sh env)"
# The tests find the services through these; derived here so that port overrides of services.sh reach them.
export EXCHANGE_TEST_POSTGRES="${ConnectionStrings__exchange/Database=exchange/Database=postgres}"
export EXCHANGE_TEST_BROKER="$ConnectionStrings__broker"
export EXCHANGE_TEST_BROKER_MANAGEMENT="$Exchange__Broker__ManagementUrl"
scripts/tools.sh

results=.state/test-results
rm -rf "$results"
# Browser tests save a screenshot of a failure under $EXCHANGE_TEST_RESULTS/screenshots.
export EXCHANGE_TEST_RESULTS="$PWD/$results"
dotnet build Exchange.sln --nologo -v quiet

status=0
dotnet test Exchange.sln --no-build --nologo --logger trx --results-directory "$results" || status=$?

passed=0
failed=0
projects=0
for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    projects=$((projects + 1))
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
    passed=$((passed + $(count passed)))
    failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
done

# Test projects are named *.Tests; other projects under tests/ (the contract suite, a library of abstract tests) report nothing.
expected=$(dotnet sln Exchange.sln list | grep -c '^tests/.*\.Tests\.csproj$')
if [ "$projects" -ne "$expected" ]; then
    echo "only $projects of $expected test projects reported results" >&2
    status=1
fi

echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
