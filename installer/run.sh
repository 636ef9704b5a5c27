#!/usr/bin/env bash
# The main job: installs what is missing, builds dantoc (release preset), validates the demo commune submission
# with the `dantoc` tool, starts the provincial server on the demo province (new Lào Cai) over TLS, keeps the demo
# submissions in an encrypted client store enrolled with that server as commune Bát Xát's office would, and, when
# a display is available, opens dantoc-desk on that store.
# The first start prints the demo accounts and their one-time passwords (each must be changed at first login);
# the demo keeps them in $DANTOC_DEMO_DIR/demo-accounts.jsonl (mode 600) so this script can enroll its store.
#   DANTOC_DEMO_DIR   where the demo server keeps its data (default ~/.local/share/dantoc/demo-server)
#   DANTOC_DEMO_CLIENT_DIR  the demo client store (default ~/.local/share/dantoc/demo-client)
#   DANTOC_DEMO_PASSPHRASE  its passphrase (default: a demo passphrase printed below; never use it for real data)
#   DANTOC_DEMO_PORT  TLS port (default 8443)
#   DANTOC_DEMO_SMOKE=1  start the server, enroll and sync the demo store, check dantoc-desk starts, stop, exit
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash installer/setup-deps.sh
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
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

data=${DANTOC_DEMO_DIR:-$HOME/.local/share/dantoc/demo-server}
port=${DANTOC_DEMO_PORT:-8443}
accounts_file=$data/demo-accounts.jsonl
if [ ! -f "$data/config.json" ]; then
    echo "== dantoc-server init --demo: a demo province with accounts (passwords shown once) =="
    umask 077
    mkdir -p "$data"  # the accounts are written beside the store from the first line init prints
    "$bin/dantoc-server" init --data "$data" --demo | tee "$accounts_file.new"
    mv "$accounts_file.new" "$accounts_file"
    umask 022
fi

echo "== dantoc-server run on https://127.0.0.1:$port =="
"$bin/dantoc-server" run --data "$data" --port "$port" &
server=$!
trap 'kill -TERM $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
healthy=0
for _ in $(seq 1 50); do
    if printf 'GET /api/v1/health HTTP/1.0\r\nHost: localhost\r\n\r\n' |
        timeout 5 openssl s_client -quiet -connect "127.0.0.1:$port" 2>/dev/null | grep -q '"status":"ok"'; then
        healthy=1
        break
    fi
    sleep 0.2
done
if [ "$healthy" != 1 ]; then
    echo "server did not become healthy" >&2
    exit 1
fi
echo "server healthy"

client=${DANTOC_DEMO_CLIENT_DIR:-$HOME/.local/share/dantoc/demo-client}
export DANTOC_PASSPHRASE=${DANTOC_DEMO_PASSPHRASE:-demo-only passphrase}
officer=xa02683
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

# Enroll the demo store as commune Bát Xát's office (once), changing the officer's one-time password to a demo one.
if ! "$bin/dantoc" status --store "$client" --json | grep -q '"enrolled":true'; then
    initial=$(grep "\"username\":\"$officer\"" "$accounts_file" 2>/dev/null |
        sed 's/.*"initial_password":"\([^"]*\)".*/\1/' || true)
    demo_password="Demo-$officer-2026"
    # The demo's own certificate, read from its data directory (a real office compares it with the board's letter).
    fingerprint=$(openssl x509 -in "$data/tls/server.crt" -noout -fingerprint -sha256 2>/dev/null | sed 's/.*=//' || true)
    echo "== dantoc enroll: the demo store as $officer (password changed to $demo_password for the demo) =="
    for password in "$initial" "$demo_password"; do
        [ -n "$password" ] || continue
        if DANTOC_PASSWORD="$password" DANTOC_NEW_PASSWORD="$demo_password" \
            "$bin/dantoc" enroll --store "$client" --server "https://127.0.0.1:$port" --account "$officer" \
            ${fingerprint:+--fingerprint "$fingerprint"} </dev/null; then
            break
        fi
    done
fi
echo "== dantoc sync: push the demo records, upload the scan, pull =="
"$bin/dantoc" sync --store "$client" || echo "(sync failed: the records stay in the store and are sent next time)"

if [ "${DANTOC_DEMO_SMOKE:-0}" = 1 ]; then
    "$bin/dantoc-desk" --version
    QT_QPA_PLATFORM=offscreen timeout 20 "$bin/dantoc-desk" --store "$client" --quit-after-start ||
        { echo "dantoc-desk did not start" >&2; exit 1; }
    echo "demo smoke test passed"
    exit 0
fi

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "== dantoc-desk on the demo store (passphrase: $DANTOC_PASSPHRASE); close it, then Ctrl+C stops the server =="
    "$bin/dantoc-desk" --store "$client" &
else
    echo "No display here. On a desktop, open the demo store with:"
    echo "    $bin/dantoc-desk --store $client      (passphrase: $DANTOC_PASSPHRASE)"
fi
echo "The demo server runs on https://127.0.0.1:$port until Ctrl+C."
wait "$server"
