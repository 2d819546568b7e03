#!/usr/bin/env bash
# test/integration/release_versions.sh — the version lives in one place,
# hdh_roadmap.control's default_version, and everything that repeats it
# agrees (test/lib/versions.sh): META.json (PGXN), debian/changelog (the
# package version is that version plus a Debian revision) and CHANGELOG.md.
# Each of the four is then changed in a scratch copy, to show that the check
# catches it. META.json is also checked against the PGXN meta spec's required
# keys and against the control file; debian/control against debian/control.in
# (pg_buildext checkcontrol). No server needed. Prints TAP.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
. test/lib/tap.sh
. test/lib/versions.sh

VERSION=$(control_version)
if out=$(version_mismatches .); then ok "META.json, debian/changelog and CHANGELOG.md say $VERSION, as hdh_roadmap.control does"
else not_ok "META.json, debian/changelog and CHANGELOG.md say $VERSION, as hdh_roadmap.control does" "$out"; fi

# meta KEY...: one value of META.json per argument (a Python expression on m).
meta() { python3 -c 'import json, sys
m = json.load(open("META.json"))
for e in sys.argv[1:]: print(eval(e))' "$@" 2>&1; }
check "META.json has the PGXN spec's required keys" \
	"$(meta 'sorted(k for k in ("name", "abstract", "version", "maintainer", "license", "provides", "meta-spec") if k not in m)')" "[]"
check "META.json follows meta-spec 1.0.0" "$(meta 'm["meta-spec"]["version"]')" "1.0.0"
check "META.json names the extension of the control file" "$(meta 'm["name"]')" "$(sed -n 's/^EXTENSION *= *//p' Makefile)"
check "META.json's abstract is the control file's comment" "$(meta 'm["abstract"]')" \
	"$(sed -n "s/^comment *= *'\(.*\)'$/\1/p" hdh_roadmap.control)"
check "META.json provides the extension, its file and version" \
	"$(meta 'sorted(m["provides"])' 'm["provides"]["hdh_roadmap"]["file"]' 'm["provides"]["hdh_roadmap"]["version"]')" \
	"$(printf "['hdh_roadmap']\nhdh_roadmap.control\n%s" "$VERSION")"
file=$(meta 'm["provides"]["hdh_roadmap"]["file"]'); doc=$(meta 'm["provides"]["hdh_roadmap"]["docfile"]')
check "the files META.json names exist" "$([ -f "$file" ] && [ -f "$doc" ] && echo yes)" "yes"
# The repository states no license (no LICENSE file): PGXN's value for that.
check "META.json's license is 'unknown' while the repository states none" \
	"$(meta 'm["license"]')$(ls LICENSE* COPYING* 2>/dev/null)" "unknown"
check "META.json's PostgreSQL prerequisite is the major version debian/pgversions builds for" \
	"$(meta 'm["prereqs"]["runtime"]["requires"]["PostgreSQL"]')" "$(grep -E '^[0-9]+$' debian/pgversions).0.0"
check "META.json has resources and runtime and test prerequisites" \
	"$(meta 'bool(m["resources"])' 'sorted(m["prereqs"])')" "$(printf "True\n['runtime', 'test']")"
run "debian/control is generated from debian/control.in (pg_buildext checkcontrol)" pg_buildext checkcontrol

# Each copy gets one file out of step; the check must name that file.
TMP=$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/versions.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
BAD=9.9.9
declare -A EDIT=(
	[hdh_roadmap.control]="s/^default_version = .*/default_version = '$BAD'/"
	[META.json]="0,/\"version\": \"$VERSION\"/s//\"version\": \"$BAD\"/"
	[debian/changelog]="1s/($VERSION-/($BAD-/"
	[CHANGELOG.md]="0,/^## $VERSION/s//## $BAD/"
)
for f in hdh_roadmap.control META.json debian/changelog CHANGELOG.md; do
	rm -rf "$TMP/tree"; mkdir -p "$TMP/tree/debian"
	cp hdh_roadmap.control META.json CHANGELOG.md "$TMP/tree/"; cp debian/changelog "$TMP/tree/debian/"
	sed -i "${EDIT[$f]}" "$TMP/tree/$f"
	if cmp -s "$f" "$TMP/tree/$f"; then not_ok "the scratch edit changed $f"; continue; fi
	out=$(version_mismatches "$TMP/tree")
	status=$?
	# The control file is the reference: changing it puts the three others out of step.
	[ "$f" = hdh_roadmap.control ] && want=3 || want=1
	if [ "$status" -ne 0 ] && [ "$(wc -l <<<"$out")" -eq "$want" ] &&
		{ [ "$f" = hdh_roadmap.control ] || grep -q "^$f:" <<<"$out"; }; then
		ok "a version out of step in $f is caught: ${out%%$'\n'*}"
	else
		not_ok "a version out of step in $f is caught" "status $status: $out"
	fi
done
finish
