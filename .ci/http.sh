#!/usr/bin/env bash
# The HTTP adapter against its OpenAPI document: starts wallet-server --console on 127.0.0.1
# with a temporary store, drives its web console in headless chromium (.ci/console.py, with
# selenium; screenshots in $DISCO_CONSOLE_SCREENSHOTS, /tmp/disco-console-screenshots by
# default), and runs schemathesis against it (no 5xx; every response matches
# Docs/openapi/wallet.json). Needs a built wallet-server (swift build) and python3; installs
# Debian's chromium and chromium-driver when they are missing.
# Run from anywhere: bash .ci/http.sh
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS

venv=/tmp/disco-ci-http-venv
if [ ! -x "$venv/bin/schemathesis" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet schemathesis
fi
if ! "$venv/bin/python" -c "import selenium" 2>/dev/null; then
    "$venv/bin/pip" install --quiet selenium
fi
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi
shots=${DISCO_CONSOLE_SCREENSHOTS:-/tmp/disco-console-screenshots}

port=${DISCO_HTTP_PORT:-18181}
work=$(mktemp -d)
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

"$(swift build --show-bin-path)/wallet-server" --port "$port" --store "$work/store" --console >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$port/openapi.json" -o /dev/null 2>/dev/null; then break; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log" >&2; echo "wallet-server did not start" >&2; exit 1; fi
    sleep 0.1
done

# The served document is the committed one.
curl -fsS "http://127.0.0.1:$port/openapi.json" | cmp - Docs/openapi/wallet.json

echo "== the web console in headless chromium"
"$venv/bin/python" .ci/console.py "http://127.0.0.1:$port" "$shots"

echo "== schemathesis against wallet-server on 127.0.0.1:$port"
"$venv/bin/schemathesis" --config-file .ci/schemathesis.toml run Docs/openapi/wallet.json \
    --url "http://127.0.0.1:$port" --checks all --max-examples 100 --seed 1 --no-color

if grep -E " (error|critical) " "$work/server.log" | grep -v "background command failed"; then
    echo "wallet-server logged the errors above" >&2
    exit 1
fi
echo "== http done in $((SECONDS - start)) s"
