#!/usr/bin/env bash
# The test command: installs what is missing, builds and runs every test suite through ctest (optimised build
# with warnings as errors), again under ASan+UBSan, then runs each libFuzzer target briefly on its corpus.
# Environment: DANTOC_SKIP_ASAN=1 / DANTOC_SKIP_FUZZ=1 to skip those stages, DANTOC_FUZZ_SECONDS (default 20).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash installer/setup-deps.sh
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
# Paths relative to the checkout, so a clone in another folder (CI) hits what a developer's build cached.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
jobs=$(nproc)

echo "== ci build =="
cmake --preset ci >/dev/null
cmake --build --preset ci -j "$jobs"
ctest --preset ci -j "$jobs"

if [ "${DANTOC_SKIP_ASAN:-0}" != 1 ]; then
    echo "== asan+ubsan build =="
    cmake --preset asan >/dev/null
    cmake --build --preset asan -j "$jobs"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --preset asan -j "$jobs"
fi

if [ "${DANTOC_SKIP_FUZZ:-0}" != 1 ]; then
    echo "== fuzz (libFuzzer, bounded) =="
    cmake --preset fuzz >/dev/null
    cmake --build --preset fuzz -j "$jobs"
    seconds=${DANTOC_FUZZ_SECONDS:-20}
    for fuzzer in build/fuzz/tests/fuzz/fuzz_*; do
        [ -x "$fuzzer" ] || continue
        name=$(basename "$fuzzer"); name=${name#fuzz_}
        corpus=tests/fuzz/$name/corpus
        work=$(mktemp -d)
        echo "fuzzing $name for ${seconds}s"
        "$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
            -artifact_prefix="build/fuzz/$name-" "$work" "$corpus" 2>&1 | tail -n 12
        rm -rf "$work"
    done
fi
echo "all test stages passed"
