# test/lib/cassert.sh — a PostgreSQL built from Debian's own source with
# assertions (--enable-cassert: Assert(), MEMORY_CONTEXT_CHECKING,
# CLOBBER_FREED_MEMORY) and valgrind client requests (USE_VALGRIND), for
# `test/run --cassert`. Sourced after common.sh. See doc/testing.md.
# shellcheck shell=bash

# --with-libxml: the report functions use xmlparse() and xpath(), which a
# server without it refuses ("unsupported XML feature").
CASSERT_CONFIGURE=(--enable-cassert --enable-debug --with-libxml CPPFLAGS=-DUSE_VALGRIND)
# The contrib modules the suites use (test/integration/network.sh: CREATE
# EXTENSION postgres_fdw, LOAD 'auto_explain'), built and installed in the
# same prefix.
CASSERT_CONTRIB=(postgres_fdw auto_explain)

# ensure_deb_src: a deb-src entry for every Debian deb entry (deb822 stanzas
# of sources.list.d/*.sources and one-line entries of sources.list), in a
# file of its own, once; then apt-get update. Nothing when the source of
# postgresql-$PG_MAJOR is already known to apt.
ensure_deb_src() {
	local file=/etc/apt/sources.list.d/hdh-roadmap-deb-src.sources f
	[ -n "$(apt-cache showsrc "postgresql-$PG_MAJOR" 2>/dev/null)" ] && return 0
	if [ ! -f "$file" ]; then
		say "adding deb-src entries in $file"
		{
			echo "# Written by hdh_roadmap's test/run --cassert: deb-src for the Debian archives of apt."
			for f in /etc/apt/sources.list.d/*.sources; do
				[ -f "$f" ] || continue
				# shellcheck disable=SC2016
				awk -v RS= -v ORS='\n\n' '
					/(^|\n)Types:[^\n]*(^|[ \t])deb([ \t]|\n|$)/ && /URIs:[^\n]*debian\.org/ && !/(^|\n)Enabled: *no/ {
						sub(/(^|\n)Types:[^\n]*/, "\nTypes: deb-src"); sub(/^\n/, ""); print }' "$f"
			done
			# One-line entries, written as deb822 stanzas.
			if [ -f /etc/apt/sources.list ]; then
				awk '$1 == "deb" && $0 ~ /debian\.org/ {
					i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
					printf "Types: deb-src\nURIs: %s\nSuites: %s\nComponents:", $i, $(i + 1)
					for (j = i + 2; j <= NF; j++) printf " %s", $j
					printf "\n\n" }' /etc/apt/sources.list
			fi
		} | as_root tee "$file.tmp" >/dev/null || die "cannot write $file"
		as_root mv "$file.tmp" "$file" || die "cannot write $file"
	fi
	as_root apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 || die "apt-get update failed"
	[ -n "$(apt-cache showsrc "postgresql-$PG_MAJOR" 2>/dev/null)" ] ||
		die "apt knows no source of postgresql-$PG_MAJOR even with $file"
}

# cassert_postgres DIR: PostgreSQL $PG_MAJOR built with CASSERT_CONFIGURE,
# with the contrib modules of CASSERT_CONTRIB, and installed in
# DIR/postgresql-$PG_MAJOR (bin/ lib/ share/ include/, the layout
# of Debian's /usr/lib/postgresql/$PG_MAJOR, as the name holds "postgres").
# The source is the installed Debian server's (or another $PG_MAJOR.x apt can
# fetch), without Debian's patches (paths and defaults of its packaging).
# Built once: a later call reuses it when its built-with file (the version,
# the options, then the contrib modules) names the same options and modules.
# PostgreSQL's valgrind suppressions for USE_VALGRIND builds are kept there
# as valgrind.supp.
# The build's log is DIR/build.log.
cassert_postgres() {
	local dir=$1 inst=$1/postgresql-$PG_MAJOR version v got=
	if [ -x "$inst/bin/postgres" ] && [ "$(sed -n 2,3p "$inst/built-with" 2>/dev/null)" = "${CASSERT_CONFIGURE[*]}
contrib: ${CASSERT_CONTRIB[*]}" ]; then
		say "reusing $inst ($(head -1 "$inst/built-with"))"
		return 0
	fi
	version=$(dpkg-query -W -f='${Version}' "postgresql-$PG_MAJOR") || die "postgresql-$PG_MAJOR is not installed"
	ensure_deb_src
	# The upstream tarball ships the generated parsers: no bison nor flex.
	ensure_packages dpkg-dev libreadline-dev zlib1g-dev libxml2-dev
	rm -rf "$dir"
	mkdir -p "$dir/src"
	dir=$(cd "$dir" && pwd) inst=$dir/postgresql-$PG_MAJOR
	# The installed version first, then any other version apt knows (an
	# archive may not serve every version's source): any 15.x will do.
	for v in "$version" $(apt-cache showsrc "postgresql-$PG_MAJOR" | sed -n 's/^Version: //p' | sort -rV | grep -vxF "$version"); do
		say "fetching the source of postgresql-$PG_MAJOR $v into $dir/src"
		(cd "$dir/src" && apt-get source --download-only -qq "postgresql-$PG_MAJOR=$v" >&2 &&
			dpkg-source --no-check --skip-patches -x ./*_"$v".dsc pg >&2) && { got=$v; break; }
	done
	[ -n "$got" ] || die "apt-get source postgresql-$PG_MAJOR failed for every version"
	say "building it with ${CASSERT_CONFIGURE[*]} (10 to 25 minutes; log in $dir/build.log)"
	(cd "$dir/src/pg" &&
		./configure --prefix="$inst" "${CASSERT_CONFIGURE[@]}" &&
		make -j2 &&
		make install &&
		for m in "${CASSERT_CONTRIB[@]}"; do make -C "contrib/$m" install || exit 1; done &&
		cp src/tools/valgrind.supp "$inst/valgrind.supp") >"$dir/build.log" 2>&1 ||
		{ tail -30 "$dir/build.log" >&2; die "building PostgreSQL with assertions failed (see $dir/build.log)"; }
	printf 'postgresql-%s %s\n%s\ncontrib: %s\n' "$PG_MAJOR" "$got" "${CASSERT_CONFIGURE[*]}" "${CASSERT_CONTRIB[*]}" >"$inst/built-with"
	rm -rf "$dir/src"
}

# stage_cassert_postgres DIR PREFIX: stage_postgres (common.sh) for the build
# of cassert_postgres in PREFIX: a copy of it at the same place as the
# system server's copy (DIR$PG_SYS_LIB: bin/ lib/ share/), with the files of
# the Debian packages of pgTAP and pg_cron that the suites use, and the
# extension installed with the copy's pg_config.
stage_cassert_postgres() {
	local dir=$1 prefix=$2 f
	mkdir -p "$dir$(dirname "$PG_SYS_LIB")"
	cp -a "$prefix" "$dir$PG_SYS_LIB"
	for f in $(dpkg -L "postgresql-$PG_MAJOR-pgtap" "postgresql-$PG_MAJOR-cron"); do
		case $f in
		"$PG_SYS_LIB"/lib/*.so) cp "$f" "$dir$PG_SYS_LIB/lib/" ;;
		"$PG_SYS_SHARE"/extension/*.*) cp "$f" "$dir$PG_SYS_LIB/share/extension/" ;;
		esac
	done
	make -s install PG_CONFIG="$dir$PG_SYS_LIB/bin/pg_config" >&2 || die "make install into $dir failed"
	# shellcheck disable=SC2034  # for test/run, as stage_postgres sets it
	PG_BIN=$dir$PG_SYS_LIB/bin
}
