#!/usr/bin/env bash
# Makes the NuGet packages vendors build on, in artifacts/packages/: the SDK (Exchange.Adapters.Sdk, with its README),
# the two packages it depends on, Exchange.Protocol and Exchange.Signing, and the contract suite a vendor runs against
# its adapter (Exchange.Adapters.Contracts). The version is Directory.Build.props' <Version>.
# Use them from a local feed: dotnet nuget add source "$PWD/artifacts/packages" --name exchange
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

out=artifacts/packages
rm -rf "$out"
for project in src/Signing/Exchange.Signing src/Gateway/Exchange.Protocol src/Adapters/Exchange.Adapters.Sdk \
    tests/Exchange.Adapters.Contracts; do
    dotnet pack "$project" --configuration Release --output "$out" --nologo -v quiet
done
ls -1 "$out"
