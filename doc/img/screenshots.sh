#!/usr/bin/env bash
# doc/img/screenshots.sh [PAGE] — the screenshots shown in doc/report.md:
# PAGE (default .demo/report.html, which bin/demo writes) rendered by
# headless Chromium 1280 pixels wide (report-1280.png, the top 1600 pixels)
# and 390 wide (report-390.png, the top 1800), into doc/img/. Needs
# Debian's chromium; run bin/demo first.
set -euo pipefail
cd "$(dirname "$0")/../.." || exit 1
PAGE=${1:-.demo/report.html}
[ -s "$PAGE" ] || { echo "no $PAGE: run bin/demo first (it writes .demo/report.html)" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
for shot in 1280:1600 390:1800; do
	width=${shot%:*} height=${shot#*:}
	python3 test/lib/report_frame.py "$PAGE" "$width" "$height" >"$TMP/frame.html"
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$TMP/profile" \
		--window-size="$((width > 500 ? width : 500)),$height" --screenshot="$TMP/shot.png" \
		"file://$(realpath "$TMP/frame.html")" >/dev/null 2>&1
	# keep the frame only (Chromium's window is at least 500 pixels wide)
	python3 - "$TMP/shot.png" "doc/img/report-$width.png" "$width" <<'PY'
import sys
sys.path.insert(0, 'test/lib')
from png import read_png, write_png
w, h, bpp, rows = read_png(sys.argv[1])
width = min(int(sys.argv[3]), w)
write_png(sys.argv[2], width, h, bpp, [r[:width * bpp] for r in rows])
PY
	echo "doc/img/report-$width.png"
done
