#!/usr/bin/env bash
# Builds and tests the packages in Examples/, which use this package's SwiftPM plugins by path
# (`../..`), so CI proves both plugins work from a clean clone. Each example builds in its own
# .build folder. Run from anywhere: bash .ci/examples.sh
set -euo pipefail
cd "$(dirname "$0")/../Examples"
start=$SECONDS

echo "== Examples/BuildPluginExample: DiscoGenBuildPlugin generates Wallet.generated.swift on the build"
(
    cd BuildPluginExample
    swift build --build-tests
    swift test --skip-build
)

echo "== Examples/CommittedExample: the committed generated sources are up to date (generate-aggregates --check)"
(
    cd CommittedExample
    swift package --allow-writing-to-package-directory generate-aggregates --check
    swift package --allow-writing-to-package-directory generate-aggregates --openapi openapi.json --check
    swift build --build-tests
    swift test --skip-build
)

echo "== examples done in $((SECONDS - start)) s"
