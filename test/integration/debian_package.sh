#!/usr/bin/env bash
# test/integration/debian_package.sh — the Debian package is built, checked by
# lintian, installed, used and removed, without touching the machine's
# PostgreSQL (doc/packaging.md):
#
# 1. dpkg-buildpackage -us -uc -b, once, in a copy of the tree (the build
#    ends with make clean), with DEB_BUILD_OPTIONS=nocheck: test/run has
#    already run the pg_regress suite that dh_pgxs_test would run;
# 2. lintian --pedantic -I on the result: no tag but those overridden, with
#    a reason, in debian/*.lintian-overrides;
# 3. a throwaway root: a copy of the system's PostgreSQL 15 (server binaries,
#    lib and share folders, any hdh_roadmap files left by a `make install`
#    taken out) and of its dpkg database, so that the package's dependencies
#    are checked against what this machine has installed; the package is
#    installed there with dpkg --root, which unpacks it and records it as
#    real dpkg does (no maintainer script runs: the package has none; with
#    --no-triggers, postgresql-common's trigger on /usr/share/postgresql,
#    which runs pg_updatedicts to link text-search dictionaries, stays
#    pending in the root's database instead of running);
# 4. a cluster run by that copy's server, which loads everything from the
#    root (it finds its lib and share folders beside its binaries): CREATE
#    EXTENSION, an update from the oldest packaged release, and the README's
#    SQL tour (test/integration/readme_tour.sh, pg_cron included);
# 5. dpkg --root --purge: the root's files are exactly those before the
#    install, and dpkg no longer knows the package.
#
# What this does not check: the system's own /usr/share/postgresql (other
# clones share this machine) and apt-get's resolution of dependencies from an
# archive. Prints TAP. Run by test/run, which exports PG_BIN and WORK.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
. test/lib/common.sh
. test/lib/tap.sh
. test/lib/versions.sh

VERSION=$(control_version)
PKG=postgresql-$PG_MAJOR-hdh-roadmap
TMP=$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/debian_package.XXXXXX") || exit 1
chmod 755 "$TMP"
ROOT=$TMP/root
# The cluster of test/run stays as it is: this script starts its own.
unset CLUSTER_DIR HDH_SERVER_WRAPPER
cleanup() {
	stop_cluster
	[ -n "${HDH_KEEP_WORK:-}" ] || rm -rf "$TMP"
}
trap cleanup EXIT

# ---- 1. build, once ----------------------------------------------------------
mkdir -p "$TMP/build/src"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
	[ -e "$f" ] && printf '%s\0' "$f"
done | xargs -0 cp --parents -t "$TMP/build/src" || { not_ok "copy the tree"; finish; }
start=$(date +%s)
# PGHOST/PGPORT belong to test/run's cluster; the build must not see them.
if (cd "$TMP/build/src" && env -u PGHOST -u PGPORT -u PGUSER -u PGDATABASE \
		DEB_BUILD_OPTIONS="nocheck parallel=1" dpkg-buildpackage -us -uc -b) >"$TMP/build.log" 2>&1; then
	ok "dpkg-buildpackage -us -uc -b builds ($(($(date +%s) - start)) s)"
else
	not_ok "dpkg-buildpackage -us -uc -b builds"; tail -40 "$TMP/build.log" | sed 's/^/#   /'; finish
fi
DEB_VERSION=$(dpkg-parsechangelog -l debian/changelog -S Version)
DEB=$TMP/build/${PKG}_${DEB_VERSION}_$(dpkg --print-architecture).deb
check "the package is $(basename "$DEB"), its version from hdh_roadmap.control ($VERSION)" \
	"$([ -f "$DEB" ] && echo "${DEB_VERSION%-*}")" "$VERSION"
[ -f "$DEB" ] || { ls "$TMP/build" | sed 's/^/#   /'; finish; }
check "doc/packaging.md shows this build command and the package it writes" \
	"$(grep -c -e '^dpkg-buildpackage -us -uc -b$' -e "^sudo apt-get install ./${PKG}_${DEB_VERSION}_" doc/packaging.md)" "2"

# What the package must hold, from the tree: the module, the control file,
# the current install script, every frozen release and every update script.
expected_files() {
	echo "/usr/lib/postgresql/$PG_MAJOR/lib/hdh_roadmap.so"
	echo "/usr/share/postgresql/$PG_MAJOR/extension/hdh_roadmap.control"
	echo "/usr/share/postgresql/$PG_MAJOR/extension/hdh_roadmap--$VERSION.sql"
	for f in src/sql/releases/hdh_roadmap--*.sql src/sql/updates/hdh_roadmap--*--*.sql; do
		[ -e "$f" ] && echo "/usr/share/postgresql/$PG_MAJOR/extension/${f##*/}"
	done
}
check "the package holds the module, the control file and every install and update script" \
	"$(dpkg-deb -c "$DEB" | awk '{ print substr($6, 2) }' | grep -E '/hdh_roadmap(\.so|\.control|--.*\.sql)$' | sort)" \
	"$(expected_files | sort -u)"
check "the package depends on postgresql-$PG_MAJOR" \
	"$(dpkg-deb -f "$DEB" Depends | tr ',' '\n' | grep -cE "^ *postgresql-$PG_MAJOR( |$)")" "1"

# ---- 2. lintian ------------------------------------------------------------------
if out=$(lintian --pedantic -I --fail-on error,warning,info,pedantic "$TMP/build/"*.changes 2>&1 |
		grep -v '^running with root privileges'); [ -z "$out" ]; then
	ok "lintian --pedantic -I reports nothing but the overridden tags ($(grep -c '^[a-z0-9-]*:' debian/*.lintian-overrides))"
else
	not_ok "lintian --pedantic -I reports nothing but the overridden tags" "$out"
fi

# ---- 3. install into a throwaway root -------------------------------------------------
mkdir -p "$ROOT/usr/lib/postgresql" "$ROOT/usr/share/postgresql" "$ROOT/var/lib"
cp -a "$PG_SYS_LIB" "$ROOT/usr/lib/postgresql/"
cp -a "$PG_SYS_SHARE" "$ROOT/usr/share/postgresql/"
rm -rf "$ROOT$PG_SYS_LIB/lib/hdh_roadmap.so" "$ROOT$PG_SYS_LIB/lib/bitcode/hdh_roadmap" \
	"$ROOT$PG_SYS_LIB/lib/bitcode/hdh_roadmap.index.bc" "$ROOT$PG_SYS_SHARE/extension/hdh_roadmap"[.-]*
cp -a /var/lib/dpkg "$ROOT/var/lib/"
rm -f "$ROOT/var/lib/dpkg/lock" "$ROOT/var/lib/dpkg/lock-frontend"
dpkg --root="$ROOT" --no-triggers --purge "$PKG" >/dev/null 2>&1	# in case the machine has it installed
# snapshot: every path of the root outside the dpkg database, with type, size and mode
snapshot() { (cd "$ROOT" && find . -path ./var/lib/dpkg -prune -o -printf '%p %y %s %m\n' | sort); }
snapshot >"$TMP/before"

if out=$(dpkg --root="$ROOT" --no-triggers --install "$DEB" 2>&1); then
	ok "dpkg --root installs the package, its dependencies met by the copied dpkg database"
else
	not_ok "dpkg --root installs the package" "$out"; finish
fi
check "dpkg records the package as installed, version $DEB_VERSION" \
	"$(dpkg-query --admindir="$ROOT/var/lib/dpkg" -W -f='${Status} ${Version}' "$PKG")" \
	"install ok installed $DEB_VERSION"
# paths FILE: the paths of a snapshot, without the leading dot
paths() { sed 's/ .*//; s/^\.//' "$1" | sort; }
snapshot >"$TMP/installed"
check "the paths added to the root are the package's paths that were not there" \
	"$(comm -13 <(paths "$TMP/before") <(paths "$TMP/installed"))" \
	"$(comm -23 <(dpkg-deb -c "$DEB" | awk '{ print substr($6, 2) }' | sed 's:/$::' | grep . | sort) \
	            <(paths "$TMP/before"))"

# ---- 4. a cluster of the root's server ---------------------------------------------------
PG_BIN=$ROOT$PG_SYS_LIB/bin
start_cluster "$TMP/cluster" "shared_preload_libraries = 'pg_cron'" "cron.database_name = 'postgres'"
q() { "$PG_BIN/psql" -qXAt -v ON_ERROR_STOP=1 "$@" 2>&1; }
check "the server loads modules from the root" \
	"$(q -c "SELECT setting FROM pg_config WHERE name = 'PKGLIBDIR'")" "$ROOT$PG_SYS_LIB/lib"
q -c "CREATE DATABASE hdh_package" >/dev/null
check "CREATE EXTENSION hdh_roadmap installs version $VERSION from the package" \
	"$(q -d hdh_package -c "CREATE EXTENSION hdh_roadmap" -c "SELECT extversion FROM pg_extension WHERE extname = 'hdh_roadmap'")" \
	"$VERSION"
check "the packaged module computes: median_days of 10, 20, 40 days is 20" \
	"$(q -d hdh_package -c "SELECT hdh_roadmap.median_days(hdh_roadmap.delay_agg(d)) FROM unnest(ARRAY[10, 20, 40]) d")" "20"
oldest=$(for f in src/sql/releases/hdh_roadmap--*.sql; do f=${f##*--}; echo "${f%.sql}"; done | sort -V | head -1)
check "the packaged update scripts take $oldest to $VERSION" \
	"$(q -d hdh_package -c "DROP EXTENSION hdh_roadmap" -c "CREATE EXTENSION hdh_roadmap VERSION '$oldest'" \
	     -c "ALTER EXTENSION hdh_roadmap UPDATE" -c "SELECT extversion FROM pg_extension WHERE extname = 'hdh_roadmap'")" \
	"$VERSION"
q -c "DROP DATABASE hdh_package" >/dev/null
echo "# the README's SQL tour (test/integration/readme_tour.sh) against the packaged extension"
out=$(PG_BIN=$PG_BIN bash test/integration/readme_tour.sh 2>&1)
relay_tap "README tour" <<<"$out"
stop_cluster

# ---- 5. remove ------------------------------------------------------------------------------
if out=$(dpkg --root="$ROOT" --no-triggers --purge "$PKG" 2>&1); then ok "dpkg --root --purge removes the package"
else not_ok "dpkg --root --purge removes the package" "$out"; fi
check "the root holds exactly the files it held before the install" \
	"$(diff "$TMP/before" <(snapshot) | head -20)" ""
check "dpkg no longer knows the package" \
	"$(dpkg-query --admindir="$ROOT/var/lib/dpkg" -W -f='${Status}' "$PKG" 2>/dev/null | grep -c installed;
	   ls "$ROOT/var/lib/dpkg/info/$PKG".* 2>/dev/null | wc -l)" "$(printf '0\n0')"
finish
