# test/lib/versions.sh — the version lives in one place, hdh_roadmap.control
# (default_version); everything that repeats it must agree. Used by
# test/integration/release_versions.sh and doc/packaging.md.
# shellcheck shell=bash

# control_version [DIR]: default_version of DIR/hdh_roadmap.control (as the Makefile reads it).
control_version() {
	sed -n "s/^default_version *= *'\([^']*\)'.*/\1/p" "${1:-.}/hdh_roadmap.control"
}

# version_mismatches [DIR]: one line per file of the tree DIR whose version
# disagrees with the control file's default_version (META.json's version and
# provides, debian/changelog's upstream version, CHANGELOG.md's first
# version heading); returns 1 when there is any, 0 when all agree.
version_mismatches() {
	local dir=${1:-.} want got status=0
	want=$(control_version "$dir")
	if [ -z "$want" ]; then echo "hdh_roadmap.control: no default_version"; return 1; fi
	if ! got=$(python3 - "$dir/META.json" <<-'PY' 2>&1
		import json, sys
		meta = json.load(open(sys.argv[1]))
		ext = meta["provides"][meta["name"]]
		print(meta["version"], ext["version"])
		PY
	); then
		echo "META.json: not valid PGXN JSON: ${got##*$'\n'}"; status=1
	elif [ "$got" != "$want $want" ]; then
		echo "META.json: version and provides version are [$got], want [$want $want]"; status=1
	fi
	# The Debian version is upstream-revision: 0.3.0-1 for 0.3.0.
	got=$(dpkg-parsechangelog -l "$dir/debian/changelog" -S Version 2>&1)
	if [ "${got%-*}" != "$want" ]; then
		echo "debian/changelog: version $got, want $want-N"; status=1
	fi
	got=$(sed -n 's/^## \([0-9][^ ]*\).*/\1/p' "$dir/CHANGELOG.md" | head -1)
	if [ "$got" != "$want" ]; then
		echo "CHANGELOG.md: first version heading is [$got], want [$want]"; status=1
	fi
	return $status
}
