#!/usr/bin/env bash
# Fuzzes the JSON-lines store's line decoder and its scanner with libFuzzer and the address
# sanitizer, seeded with real lines (the recorded stores under Tests/Fixtures and the edge
# cases in Seeds/). A bounded run: 10 million executions of the line decoder and 2 million of
# the scanner (each writes and scans a whole file, ten times slower) unless --runs says.
#
#   bash Tests/Fuzz/run.sh                       # both targets, 12 million executions in all
#   bash Tests/Fuzz/run.sh --runs 200000 --target line
#
# Fails (exit 1) on a crash, a sanitizer report, a timeout (a hang) or an allocation beyond
# the limits below; the input that did it is written to Tests/Fuzz/Findings/ (git-ignored).
# Keep each finding as a regression test (Tests/DiscoTests/Store/FuzzRegressionTests.swift
# reads Tests/Fixtures/Fuzz/), then fix it.
set -euo pipefail
cd "$(dirname "$0")"

runs=
targets=(line scan)
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --target) targets=("$2"); shift 2 ;;
        *) echo "usage: run.sh [--runs N] [--target line|scan]" >&2; exit 2 ;;
    esac
done

echo "== building the fuzz targets (release, -sanitize=fuzzer, address sanitizer)"
swift build -c release -Xswiftc -sanitize=fuzzer -Xswiftc -enable-testing --sanitize=address \
    -Xswiftc -use-ld=lld 2>&1 | tail -3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p Findings "$work/line" "$work/scan"

# Seeds: every recorded line of the fixture stores on its own, the whole files, and Seeds/.
n=0
for store in ../Fixtures/Evolution/*/events.jsonl; do
    cp "$store" "$work/scan/$(basename "$(dirname "$store")").jsonl"
    while IFS= read -r line; do
        n=$((n + 1))
        printf '%s' "$line" > "$work/line/fixture-$n"
    done < "$store"
done
cp Seeds/line/* "$work/line/"
cp Seeds/scan/* "$work/scan/"

status=0
for target in "${targets[@]}"; do
    case "$target" in
        line) binary=FuzzEventLine; max_len=4096; target_runs=${runs:-10000000} ;;
        scan) binary=FuzzStoreScan; max_len=16384; target_runs=${runs:-2000000} ;;
        *) echo "unknown target '$target': line or scan" >&2; exit 2 ;;
    esac
    echo "== $binary: $target_runs executions"
    # -timeout: one input taking over 5 s is a hang; -rss_limit_mb/-malloc_limit_mb: unbounded
    # allocation. -dict: the format's keys, so mutations reach past the first field.
    if ! ".build/release/$binary" "$work/$target" \
        -runs="$target_runs" -max_len="$max_len" -timeout=5 -rss_limit_mb=2048 -malloc_limit_mb=512 \
        -dict=store-format.dict -artifact_prefix="Findings/$target-" -print_final_stats=1 \
        2> "$work/$target.log"; then
        status=1
        tail -40 "$work/$target.log" >&2
        echo "$binary found a problem: see Tests/Fuzz/Findings/" >&2
    fi
    grep -E "^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)" "$work/$target.log"
    echo "corpus: $(ls "$work/$target" | wc -l) inputs"
done
exit $status
