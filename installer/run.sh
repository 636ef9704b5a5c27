#!/usr/bin/env bash
# The main job: installs what is missing, builds dantoc (release preset), validates the demo commune submission
# with the `dantoc` tool, keeps the demo submissions in an encrypted client store (offline, as a commune office
# would), then starts the provincial server on the demo province (new Lào Cai) over TLS.
# The first start prints the demo accounts and their one-time passwords (each must be changed at first login).
#   DANTOC_DEMO_DIR   where the demo server keeps its data (default ~/.local/share/dantoc/demo-server)
#   DANTOC_DEMO_CLIENT_DIR  the demo client store (default ~/.local/share/dantoc/demo-client)
#   DANTOC_DEMO_PASSPHRASE  its passphrase (default: a demo passphrase printed below; never use it for real data)
#   DANTOC_DEMO_PORT  TLS port (default 8443)
#   DANTOC_DEMO_SMOKE=1  start the server, check /api/v1/health once, stop it and exit (used by tests)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash installer/setup-deps.sh
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
bin=$PWD/build/release/bin

echo "== dantoc validate: the demo commune submission against the commune questionnaire =="
set +e
"$bin/dantoc" validate --form resources/forms/commune_survey.json \
    --data resources/demo/commune_survey.sample.json --lang vi
status=$?
set -e
# exit 1 means "validation errors found", which a demo sample may show; 2 means unreadable input
[ "$status" -le 1 ] || exit "$status"

client=${DANTOC_DEMO_CLIENT_DIR:-$HOME/.local/share/dantoc/demo-client}
export DANTOC_PASSPHRASE=${DANTOC_DEMO_PASSPHRASE:-demo-only passphrase}
if [ ! -f "$client/store.db" ]; then
    echo "== dantoc init + entry import: an encrypted client store with the demo submissions (offline) =="
    echo "   store: $client   passphrase: \$DANTOC_DEMO_PASSPHRASE or \"demo-only passphrase\""
    "$bin/dantoc" init --store "$client"
    # the commune sample's signed scan (its signed_scan field names this file by SHA-256), encrypted into the store
    "$bin/dantoc" attachment add --store "$client" resources/demo/phieu-xa-bat-xat-2025.pdf
    "$bin/dantoc" entry import --store "$client" --json resources/demo/commune_survey.sample.json --save
    "$bin/dantoc" entry import --store "$client" --json resources/demo/village_survey.sample.json --submit
fi
"$bin/dantoc" entry list --store "$client"

data=${DANTOC_DEMO_DIR:-$HOME/.local/share/dantoc/demo-server}
port=${DANTOC_DEMO_PORT:-8443}
if [ ! -f "$data/config.json" ]; then
    echo "== dantoc-server init --demo: a demo province with accounts (passwords shown once) =="
    "$bin/dantoc-server" init --data "$data" --demo
fi

echo "== dantoc-server run on https://127.0.0.1:$port (Ctrl+C stops it) =="
if [ "${DANTOC_DEMO_SMOKE:-0}" = 1 ]; then
    "$bin/dantoc-server" run --data "$data" --port "$port" &
    server=$!
    trap 'kill $server 2>/dev/null || true' EXIT
    for _ in $(seq 1 50); do
        if printf 'GET /api/v1/health HTTP/1.0\r\nHost: localhost\r\n\r\n' |
            timeout 5 openssl s_client -quiet -connect "127.0.0.1:$port" 2>/dev/null | grep -q '"status":"ok"'; then
            echo "server healthy"
            kill -TERM "$server"
            wait "$server"
            trap - EXIT
            exit 0
        fi
        sleep 0.2
    done
    echo "server did not become healthy" >&2
    exit 1
fi
exec "$bin/dantoc-server" run --data "$data" --port "$port"
