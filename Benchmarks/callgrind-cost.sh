#!/bin/bash
# Instructions per command, whatever the machine's load: callgrind counts the instructions
# of `disco-bench --phase cost` with 200 and with 2,200 deposits; the difference / 2,000 is
# one command's cost.
#
#   swift build -c release --product disco-bench --scratch-path .build-release
#   Benchmarks/callgrind-cost.sh .build-release/release/disco-bench typed|dynamic memory|jsonl
set -euo pipefail
BIN=$1
API=${2:-typed}
STORE=${3:-memory}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
ir() {
    valgrind --tool=callgrind --callgrind-out-file="$OUT/cg.%p.out" "$BIN" \
        --phase cost --api "$API" --store "$STORE" --commands "$1" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
A=$(ir 200)
B=$(ir 2200)
echo "$API $STORE: $(((B - A) / 2000)) instructions/command (Ir 200=$A 2200=$B)"
