#!/usr/bin/env bash
# test/integration/report_browser.sh — the report in a real browser
# (doc/report.md). On a database with the extension, the synthetic sample
# (seed 42) and one extra target whose title and unit are full of markup:
#   - xmllint validates every SVG the functions draw (two dates, the delay
#     chart) and the page, which is XHTML-ish XML;
#   - headless Chromium renders report_html() at 1280 and 390 pixels wide:
#     the screenshots are not blank and show each status's colour; the DOM
#     holds every active target's title (the markup as text, no script
#     element) and its status word; nothing is wider than the window;
#   - Chromium prints the page to PDF: A4 pages, holding the titles.
# Chromium (Debian's chromium), xmllint (libxml2-utils) and pdfinfo /
# pdftotext (poppler-utils) are installed by test/run; a missing one is a
# failure, not a skip. Expected values come from scorecard_at and the target
# table. Prints TAP. Needs the cluster's PGHOST/PGPORT/PGUSER.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
export PGDATABASE=postgres
. test/lib/tap.sh

DB=hdh_report_browser
AS_OF=2025-06-30
TMP=$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/report_browser.XXXXXX") || exit 1
chmod 755 "$TMP"
cleanup() { psql -X -q -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1; rm -rf "$TMP"; }
trap cleanup EXIT
psql -X -q -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

if psql -X -q -c "CREATE DATABASE $DB" >"$TMP/load.log" 2>&1 &&
   q -c "CREATE EXTENSION hdh_roadmap" >>"$TMP/load.log" 2>&1 &&
   q -v seed=42 -f sample/load.sql >>"$TMP/load.log" 2>&1 &&
   q >>"$TMP/load.log" 2>&1 <<'SQL'; then
INSERT INTO hdh_roadmap.target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year, deadline, unit)
VALUES ('markup', 'HDH 2023-2025', 4, '<script>alert("x")</script> R&D <b>exchanges</b>', 'exchanges', 'civil_society_exchanges',
        'at_least', 50, 2022, 2023, '2025-12-31', 'exchanges & <i>talks</i>');
SQL
	ok "a database with the extension, the synthetic sample and a target titled with markup"
else
	not_ok "a database with the extension, the synthetic sample and a target titled with markup" "$(tail -5 "$TMP/load.log")"
	finish
fi

# ---- xmllint ---------------------------------------------------------------------
q -c "SELECT hdh_roadmap.scorecard_svg('$AS_OF')" >"$TMP/scorecard.svg"
q -c "SELECT hdh_roadmap.scorecard_svg('2026-11-30')" >"$TMP/scorecard_after.svg"
q -c "SELECT hdh_roadmap.access_delay_svg('$AS_OF')" >"$TMP/delay.svg"
q -c "SELECT hdh_roadmap.report_html('$AS_OF')" >"$TMP/report.html"
for f in scorecard.svg scorecard_after.svg delay.svg report.html; do
	if ! command -v xmllint >/dev/null; then not_ok "xmllint validates $f" "xmllint is not installed (libxml2-utils)"; continue; fi
	run "xmllint: $f is well-formed XML ($(wc -c <"$TMP/$f") bytes)" xmllint --noout "$TMP/$f"
done

# The one-liner of doc/report.md, as written there, run on this database:
# today's page, well-formed.
oneliner=$(grep -m1 -xF 'psql -XAtc "SELECT hdh_roadmap.report_html()" > report.html' doc/report.md)
mkdir -p "$TMP/oneliner"
if [ -z "$oneliner" ]; then
	not_ok "doc/report.md gives the one-liner"
elif (cd "$TMP/oneliner" && PGDATABASE=$DB bash -c "$oneliner") && xmllint --noout "$TMP/oneliner/report.html" &&
	grep -qF "As of <strong>$(date +%F)</strong>" "$TMP/oneliner/report.html"; then
	ok "the one-liner of doc/report.md writes today's page ($(wc -c <"$TMP/oneliner/report.html") bytes)"
else
	not_ok "the one-liner of doc/report.md writes today's page" "$(head -c 300 "$TMP/oneliner/report.html" 2>&1)"
fi

# ---- what the page must show, from the database ----------------------------------
# one line per active target: title <TAB> status word <TAB> status colour
q -F $'\t' >"$TMP/expected" <<SQL
SELECT t.title,
       CASE WHEN s.deadline_passed THEN 'verdict: ' ELSE '' END || replace(s.status, '_', ' '),
       CASE s.status WHEN 'achieved' THEN '009E73' WHEN 'on_track' THEN '56B4E9' WHEN 'moderate' THEN 'F0E442'
                     WHEN 'insufficient' THEN 'E69F00' WHEN 'moving_away' THEN 'CC79A7' WHEN 'missed' THEN 'D55E00'
                     ELSE 'BBBBBB' END
  FROM hdh_roadmap.target t JOIN hdh_roadmap.scorecard_at('$AS_OF') s ON s.target_id = t.id
 WHERE t.active ORDER BY t.id;
SQL
check "the page is drawn for every active target" "$(grep -c '' "$TMP/expected")" \
	"$(q -c "SELECT count(*) FROM hdh_roadmap.target WHERE active")"

# tap_lines FILE WHAT: each line "ok|not ok <TAB> description <TAB> diagnostic"
# of FILE as a TAP assertion; none at all is a failure (the checker died).
tap_lines() {
	local verdict desc diag lines=0
	while IFS=$'\t' read -r verdict desc diag; do
		lines=$((lines + 1))
		if [ "$verdict" = ok ]; then ok "$desc"; else not_ok "$desc" "$diag"; fi
	done <"$1"
	[ "$lines" -gt 0 ] || not_ok "$2"
}

# ---- Chromium ------------------------------------------------------------------
BROWSER=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$BROWSER" ]; then
	not_ok "headless Chromium is installed" "no chromium on PATH: test/run installs Debian's chromium"
	finish
fi
ok "headless Chromium: $("$BROWSER" --version 2>/dev/null | head -1)"
# browser ARGS...: headless, no sandbox (CI runs as root), its own profile.
browser() {
	timeout 180 "$BROWSER" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
		--user-data-dir="$TMP/profile" "$@" 2>>"$TMP/browser.log"
}

# The page's DOM as the browser built it: titles as text, statuses, no script.
browser --dump-dom "file://$TMP/report.html" >"$TMP/dom.html"
python3 - "$TMP/dom.html" "$TMP/expected" >"$TMP/verdicts" <<'PY'
import html.parser, sys
dom, expected = open(sys.argv[1], encoding='utf-8').read(), sys.argv[2]
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.tags = {}; self.text = []; self.stack = []
    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
    def handle_data(self, data):
        self.text.append(data)
p = P(); p.feed(dom)
text = ' '.join(' '.join(p.text).split())
def ok(cond, desc, diag=''):
    print(('ok' if cond else 'not ok') + '\tDOM: ' + desc + '\t' + ' '.join(str(diag).split()))
ok(len(dom) > 1000, f'--dump-dom gave the page ({len(dom)} characters)')
ok(p.tags.get('script', 0) == 0, 'no script element (the markup of the title is text)', str(p.tags.get('script')))
ok(p.tags.get('svg', 0) >= 3, f'{p.tags.get("svg", 0)} svg elements inline')
for line in open(expected, encoding='utf-8'):
    title, word, _ = line.rstrip('\n').split('\t')
    ok(text.count(' '.join(title.split())) >= 2, f'the title "{title}" shows as text in the table and its chart')
    ok(word in text, f'the status "{word}" of "{title[:40]}" is written')
PY
tap_lines "$TMP/verdicts" "the DOM checks ran"

# At two widths. Headless Chromium lays a window out at least 500 pixels
# wide, so the page is shown in a frame of exactly the width wanted, whose
# parent's title says how wide the page's document is (test/lib/report_frame.py).
for width in 1280 390; do
	python3 test/lib/report_frame.py "$TMP/report.html" "$width" 2400 >"$TMP/frame-$width.html"
	window=$((width > 500 ? width : 500))
	got=$(browser --window-size="$window,2400" --dump-dom "file://$TMP/frame-$width.html" |
		sed -n 's|.*<title>\(width [0-9]* of [0-9]*\)</title>.*|\1|p')
	read -r _ sw _ cw <<<"${got:-width ? of ?}"
	if [ -n "$got" ] && [ "$cw" = "$width" ] && [ "$sw" -le "$cw" ]; then ok "at $width px nothing overflows the page ($got)"
	else not_ok "at $width px nothing overflows the page" "got [$got]"; fi

	png=$TMP/report-$width.png
	rm -f "$png"
	browser --screenshot="$png" --window-size="$window,2400" "file://$TMP/frame-$width.html" >/dev/null
	if [ ! -s "$png" ]; then not_ok "screenshot at $width px" "no PNG written; $(tail -3 "$TMP/browser.log")"; continue; fi
	python3 - "$png" "$TMP/expected" "$width" >"$TMP/verdicts" <<'PY'
import sys
sys.path.insert(0, 'test/lib')
from png import read_png, colours as count_colours
path, expected, width = sys.argv[1], sys.argv[2], int(sys.argv[3])
w, h, bpp, rows = read_png(path)
colours = count_colours(w, bpp, rows, width)          # the frame only: the page at that width
white = colours.get(b'\xff\xff\xff', 0) / (min(width, w) * h)
def ok(cond, desc, diag=''):
    print(('ok' if cond else 'not ok') + f'\tscreenshot {width} px: {desc}\t' + ' '.join(str(diag).split()))
ok(w >= width, f'{w} x {h} pixels, the page in the first {width}')
ok(len(colours) >= 50 and white < 0.97, f'not blank: {len(colours)} distinct colours, {white:.0%} white')
for hexc in sorted({l.rstrip('\n').split('\t')[2] for l in open(expected, encoding='utf-8')}):
    rgb = bytes.fromhex(hexc)
    ok(colours.get(rgb, 0) >= 100, f'the status colour #{hexc} is painted ({colours.get(rgb, 0)} pixels)')
PY
	tap_lines "$TMP/verdicts" "the screenshot at $width px was read"
done

# Printed on A4.
browser --no-pdf-header-footer --print-to-pdf="$TMP/report.pdf" "file://$TMP/report.html" >/dev/null
if [ -s "$TMP/report.pdf" ] && command -v pdfinfo >/dev/null; then
	pages=$(pdfinfo "$TMP/report.pdf" | sed -n 's/^Pages: *//p')
	size=$(pdfinfo "$TMP/report.pdf" | sed -n 's/^Page size: *//p')
	case $size in *'(A4)'*) ok "the PDF pages are A4 ($size)" ;; *) not_ok "the PDF pages are A4" "got [$size]" ;; esac
	if [ "${pages:-0}" -ge 2 ] && [ "${pages:-0}" -le 12 ]; then ok "the PDF has $pages pages (2 to 12)"
	else not_ok "the PDF has 2 to 12 pages" "got [$pages]"; fi
	pdftotext -layout "$TMP/report.pdf" "$TMP/report.txt"
	missing=$(cut -f1 "$TMP/expected" | while read -r title; do
		grep -qF "${title:0:30}" <(tr -s ' \n' ' ' <"$TMP/report.txt") || echo "$title"; done)
	is "$missing" "" "the PDF's text holds every active target's title"
else
	not_ok "Chromium prints the page to PDF and pdfinfo reads it" "$(tail -3 "$TMP/browser.log")"
fi
finish
