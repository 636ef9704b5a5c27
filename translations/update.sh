#!/usr/bin/env bash
# Refreshes translations/dantoc_{vi,en}.ts from the sources (lupdate needs the include roots to name each
# context after its class, dantoc::gui::MainWindow, as tr() looks it up), then fills English from the source
# texts. Vietnamese: `python3 translations/fillts.py translations/dantoc_vi.ts MAP.json` for the new messages.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
for lang in vi en; do
    "$lupdate" -no-obsolete -locations none -I client -I shared -source-language en -target-language "$lang" \
        client/gui -ts "translations/dantoc_$lang.ts"
done
python3 translations/fillts.py translations/dantoc_en.ts
echo "vi messages still to translate: $(grep -c 'type="unfinished"' translations/dantoc_vi.ts || true)"
