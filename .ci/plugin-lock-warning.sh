#!/usr/bin/env bash
# The build tool plugin reads a spec's lock and never writes it: with a stale lock the build
# still succeeds, the build log carries a warning on the spec naming the command that updates
# the lock, and the lock file is left as it was. Runs on Examples/BuildPluginExample after
# .ci/examples.sh built it, and puts its lock back however it ends. Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/../Examples/BuildPluginExample"

lock=Sources/WalletApp/Specs/wallet.lock
saved=$(mktemp)
log=$(mktemp)
cp "$lock" "$saved"
trap 'cp "$saved" "$lock"; rm -f "$saved" "$log"' EXIT

# A lock written before money_withdrawn existed: the spec now has an event the lock lacks.
python3 - "$lock" <<'PY'
import sys
path = sys.argv[1]
lines = open(path).read().splitlines(keepends=True)
out, skip = [], False
for line in lines:
    if line.startswith("  money_withdrawn:"):
        skip = True
        continue
    if skip and line.startswith("    "):
        continue
    skip = False
    out.append(line)
open(path, "w").write("".join(out))
PY
stale=$(cat "$lock")
if grep -q money_withdrawn "$lock"; then echo "could not make the lock stale" >&2; exit 1; fi

swift build 2>&1 | tee "$log"

expected="Specs/wallet.yml:[0-9]+:[0-9]+: warning: the lock wallet.lock does not record version 1 of event 'money_withdrawn'; the build plugin never writes it: run \`swift package --allow-writing-to-package-directory generate-aggregates\`"
if ! grep -E -q "$expected" "$log"; then
    echo "the build log has no stale-lock warning on the spec (expected /$expected/)" >&2
    exit 1
fi
if [ "$(cat "$lock")" != "$stale" ]; then
    echo "the build plugin wrote the lock; it must only read it" >&2
    exit 1
fi
echo "plugin-lock-warning: the stale lock is a warning on the spec and was not written"
