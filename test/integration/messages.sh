#!/usr/bin/env bash
# test/integration/messages.sh — the messages are translatable the way the
# server's are (doc/developing.md, "Messages"):
#   - `make init-po` extracts po/hdh_roadmap.pot with xgettext (nls.mk);
#   - every message of src/ (errmsg, errdetail, errhint; hdh_fail's format and
#     its gettext_noop detail; the codecs' detail formats) is a msgid of it,
#     found by test/lib/message_catalog.py, a tokenizer of its own, and the
#     calls it found are as many as grep counts;
#   - messages are in PostgreSQL's style: no routine name in front or inside
#     ("f()", "f: "), in C and in the RAISE of src/sql;
#   - every file of src/ that calls ereport includes hdh_error.h (TEXTDOMAIN);
#   - at run time, a server started with LANGUAGE=xx and the test catalog
#     test/nls/xx.po installed raises a core message, its detail and a glue
#     message translated in a session with lc_messages = 'C.UTF-8', and in
#     English with lc_messages = 'C', with the same SQLSTATE (a server built
#     without NLS, as test/run --cassert's is, gives English in both: the
#     translation is then the identity, and that is what is checked).
# Prints TAP. Needs $PG_BIN (the staged server, test/run).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
: "${PG_BIN:?PG_BIN must point at the server binaries}"

. test/lib/common.sh
. test/lib/tap.sh

MAIN_HOST=${PGHOST:-} MAIN_PORT=${PGPORT:-}
TMP=$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/messages.XXXXXX") || exit 1
chmod 755 "$TMP"
MO=
cleanup() {
	[ -n "${CLUSTER_DIR:-}" ] && stop_cluster
	[ -n "$MO" ] && rm -f "$MO"
	rm -rf "$TMP"
}
trap cleanup EXIT

# ---- the catalog, extracted from the tree ------------------------------------
# With Debian's pg_config, whose PGXS has NLS (the server under test may not).
POT=po/hdh_roadmap.pot
rm -f "$POT"
if out=$(make -s init-po PG_CONFIG="$PG_SYS_LIB/bin/pg_config" 2>&1) && [ -s "$POT" ]; then
	ok "make init-po extracts $POT"
else
	not_ok "make init-po extracts $POT" "$(tail -5 <<<"$out")"
fi
[ -n "$(grep -i 'warning' <<<"$out")" ] && not_ok "xgettext warns" "$(grep -i warning <<<"$out" | head -5)"
entries=$(grep -c '^msgid ' "$POT")
entries=$((entries - 1))		# the header
echo "# $entries entries in $POT"

# Every message of the C files against the catalog, and their style.
mapfile -t SOURCES < <(ls src/*.c src/core/*.c)
python3 test/lib/message_catalog.py "$POT" "${SOURCES[@]}" >"$TMP/catalog.tap" 2>&1
while IFS= read -r line; do
	case $line in
	"ok - "*) ok "${line#ok - }" ;;
	"not ok - "*) not_ok "${line#not ok - }" ;;
	*) echo "$line" ;;
	esac
done <"$TMP/catalog.tap"
grep -qE '^(not )?ok - ' "$TMP/catalog.tap" || not_ok "message_catalog.py ran" "$(head -5 "$TMP/catalog.tap")"

# The calls it found, counted again with grep: as many (a call it missed
# would be a message it did not check). Definitions and declarations aside.
counted() {		# counted NAME: the NAME=N of the checker's counts line
	sed -n 's/^# counts .*\b'"$1"'=\([0-9]*\).*/\1/p' "$TMP/catalog.tap"
}
grep_calls() {	# grep_calls REGEX FILES...: occurrences of a call outside comments
	local re=$1; shift
	sed -e 's://.*$::' -e 's:/\*.*\*/::g' "$@" | grep -oE "$re" | wc -l
}
check "hdh_fail calls: the checker's count is grep's" "$(counted hdh_fail)" \
	"$(grep_calls '\bhdh_fail\((err|NULL|&)' "${SOURCES[@]}")"
check "errmsg calls: the checker's count is grep's" "$(counted errmsg)" \
	"$(grep_calls '\berrmsg\(' "${SOURCES[@]}")"
check "errdetail and errhint calls: the checker's count is grep's" \
	"$(( $(counted errdetail) + $(counted errhint) ))" \
	"$(grep_calls '\berr(detail|hint)\(' "${SOURCES[@]}")"
check "gettext_noop marks: the checker's count is grep's" "$(counted gettext_noop)" \
	"$(grep_calls '\bgettext_noop\("' "${SOURCES[@]}")"
# And each hdh_fail format reached the catalog with its own reference.
refs=$(grep -cE '^#: .*src/core/' "$POT")
[ "$refs" -gt 0 ] && ok "the catalog has $refs references to src/core" || not_ok "the catalog has references to src/core"

# Every file of src/ that calls ereport has the module's TEXTDOMAIN.
missing=$(grep -lE '\bereport\(' src/*.c | while read -r f; do
	grep -q '#include "hdh_error.h"' "$f" || echo "$f"; done)
check "every file of src/ that calls ereport includes hdh_error.h (TEXTDOMAIN)" "$missing" ""

# No routine named in the RAISE messages of src/sql: "f()" or "%()".
raises=$(grep -hoE "RAISE (EXCEPTION|WARNING|NOTICE) '([^']|'')*'" src/sql/*.sql src/sql/queries/*.sql src/sql/aggregates/*.sql)
named=$(grep -E "[a-z_%]\(\)" <<<"$raises")
check "no RAISE of src/sql names a routine ($(wc -l <<<"$raises") messages)" "$named" ""
upper=$(grep -E "^RAISE [A-Z]+ '[A-Z][a-z]" <<<"$raises")
check "every RAISE of src/sql starts in lower case" "$upper" ""
# Their DETAIL and HINT are sentences: a capital first.
lower=$(grep -hoE "(DETAIL|HINT) = '([^']|'')*'" src/sql/*.sql src/sql/queries/*.sql | grep -vE "= '[A-Z]")
check "every DETAIL and HINT of src/sql starts with a capital" "$lower" ""

# ---- at run time: the hook and the module's text domain ----------------------
if "$PG_BIN/pg_config" --configure | grep -q -- "--enable-nls"; then NLS=yes; else NLS=no; fi
echo "# the server under test has NLS: $NLS"
# xx TEXT: TEXT as a session with lc_messages C.UTF-8 sees it: translated
# when the server has NLS, else as it is.
xx() { if [ "$NLS" = yes ]; then printf '%s' "$2"; else printf '%s' "$1"; fi; }
run "msgfmt compiles test/nls/xx.po" msgfmt -c -o "$TMP/xx.mo" test/nls/xx.po
# Where pg_bindtextdomain looks: the staged server's locale folder (found,
# like pg_config's, relative to the binaries), never the system's.
if [ "$NLS" = yes ]; then
	LOCALEDIR=$("$PG_BIN/pg_config" --localedir)
	case $LOCALEDIR in
	"${WORK:-/nonexistent}"/*) ;;
	*) not_ok "the staged server's locale folder is inside \$WORK" "$LOCALEDIR"; finish ;;
	esac
	major=$("$PG_BIN/pg_config" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')
	mkdir -p "$LOCALEDIR/xx/LC_MESSAGES"
	MO=$LOCALEDIR/xx/LC_MESSAGES/hdh_roadmap-$major.mo
	install -m 644 "$TMP/xx.mo" "$MO"
fi

LANGUAGE=xx start_cluster "$TMP/nls"
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION hdh_roadmap" >/dev/null ||
	not_ok "CREATE EXTENSION hdh_roadmap in the LANGUAGE=xx server"

# raised LC_MESSAGES SQL: the ERROR and DETAIL lines (SQLSTATE in front).
raised() {
	psql -X -q -v VERBOSITY=verbose -v SHOW_CONTEXT=never \
		-c "SET lc_messages = '$1'" -c "$2" 2>&1 | grep -E '^(ERROR|DETAIL):'
}

# A core message: hdh_fail's format, a detail format, a phrase.
sql="SELECT '{2020}'::hdh_roadmap.year_counts"
is "$(raised C "$sql")" 'ERROR:  22P02: invalid input syntax for type year_counts: "{2020}"
DETAIL:  Expected ":" after a year at character 6.' "a core message in English (lc_messages C)"
is "$(raised C.UTF-8 "$sql")" "$(xx 'ERROR:  22P02: invalid input syntax for type year_counts: "{2020}"
DETAIL:  Expected ":" after a year at character 6.' 'ERROR:  22P02: INVALID INPUT SYNTAX FOR TYPE year_counts: "{2020}"
DETAIL:  EXPECTED ":" AFTER A YEAR AT CHARACTER 6.')" "the same, translated (lc_messages C.UTF-8, LANGUAGE=xx; NLS $NLS)"

# A core message the test catalog lacks, its gettext_noop detail it has.
sql="SELECT '{10000:1}'::hdh_roadmap.year_counts"
is "$(raised C.UTF-8 "$sql")" "$(xx 'ERROR:  22003: year 10000 is out of range for year_counts
DETAIL:  A year_counts holds the years 1 to 9999.' 'ERROR:  22003: year 10000 is out of range for year_counts
DETAIL:  A year_counts HOLDS THE YEARS 1 TO 9999.')" "a message the catalog lacks stays English, its detail is translated (NLS $NLS)"

# A glue message (errmsg, errdetail): the module's text domain.
sql="SELECT hdh_roadmap.years_active_agg(daterange('2020-01-01', '2021-01-01'), NULL::date)"
is "$(raised C "$sql")" 'ERROR:  22004: as_of must not be NULL
DETAIL:  The as_of argument is the date the spans are known on; open spans end there.' \
	"a glue message in English (lc_messages C)"
is "$(raised C.UTF-8 "$sql")" "$(xx 'ERROR:  22004: as_of must not be NULL
DETAIL:  The as_of argument is the date the spans are known on; open spans end there.' 'ERROR:  22004: as_of MUST NOT BE NULL
DETAIL:  THE as_of ARGUMENT IS THE DATE THE SPANS ARE KNOWN ON; OPEN SPANS END THERE.')" \
	"the same, translated from the module's catalog (NLS $NLS)"

# The server's own messages keep their catalog (postgres-NN): no xx there.
is "$(raised C.UTF-8 "SELECT 1/0")" 'ERROR:  22012: division by zero' "a server message is untouched"

stop_cluster
finish
