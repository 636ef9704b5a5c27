#!/usr/bin/env bash
# The main job: installs what is missing, builds dantoc (release preset) and runs the demo.
# Today the demo validates the sample commune submission with the `dantoc` tool; as the server and the desktop
# app land, this starts the provincial server on a demo province and opens dantoc-desk against it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash installer/setup-deps.sh
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
bin=build/release/bin

echo "== dantoc validate: the demo commune submission against the commune questionnaire =="
set +e
"$bin/dantoc" validate --form resources/forms/commune_survey.json \
    --data resources/demo/commune_survey.sample.json --lang vi
status=$?
set -e
# exit 1 means "validation errors found", which the demo sample is allowed to show; 2 means unreadable input
[ "$status" -le 1 ] || exit "$status"
