#!/usr/bin/env bash
# Builds and tests the packages in Examples/, which use this package's SwiftPM plugins by path
# (`../..`), so CI proves both plugins work from a clean clone. Each example builds in its own
# .build folder. Run from anywhere: bash .ci/examples.sh
set -euo pipefail
cd "$(dirname "$0")/../Examples"
start=$SECONDS

# The example tests generated from the specs' examples must run: a suite that is not compiled,
# or whose tests are all skipped, would pass silently. Fails unless the test log names every
# example of Sources/WalletApp/Specs/wallet.yml as passed.
expect_examples() {
    local log=$1 spec=$2 missing=0
    while IFS= read -r name; do
        if ! grep -qF "Test \"$name\" passed" "$log"; then
            echo "the example '$name' of $spec did not run and pass" >&2
            missing=1
        fi
    done < <(sed -n 's/^  - name: //p' "$spec")
    [ "$missing" = 0 ] || exit 1
    echo "all $(grep -c '^  - name: ' "$spec") examples of $spec ran and passed"
}

echo "== Examples/BuildPluginExample: DiscoGenBuildPlugin generates Wallet.generated.swift, and WalletExamples.generated.swift for the test target, on the build"
(
    cd BuildPluginExample
    swift build --build-tests
    swift test --skip-build 2>&1 | tee .build/examples-test.log
    expect_examples .build/examples-test.log Sources/WalletApp/Specs/wallet.yml
)

echo "== Examples/CommittedExample: the committed generated sources and example tests are up to date (generate-aggregates --check)"
(
    cd CommittedExample
    swift package --allow-writing-to-package-directory generate-aggregates --check
    swift package --allow-writing-to-package-directory generate-aggregates --openapi openapi.json --check
    swift build --build-tests
    swift test --skip-build 2>&1 | tee .build/examples-test.log
    expect_examples .build/examples-test.log Sources/WalletApp/Specs/wallet.yml
)

echo "== examples done in $((SECONDS - start)) s"
