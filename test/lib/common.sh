# test/lib/common.sh — shared by test/run, bin/demo and bench/run.
# Installs what is missing, stages a private PostgreSQL with the extension,
# and starts or stops a throwaway cluster as an unprivileged user.
# shellcheck shell=bash

PG_MAJOR=${PG_MAJOR:-15}
PG_SYS_LIB=/usr/lib/postgresql/$PG_MAJOR
PG_SYS_SHARE=/usr/share/postgresql/$PG_MAJOR

say() { printf '%s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# Run a command as root: directly when we are root, else with sudo.
as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"
	elif command -v sudo >/dev/null 2>&1; then sudo "$@"
	else die "need root or sudo to run: $*"
	fi
}

# Install the Debian packages given as arguments that are not installed yet.
ensure_packages() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
		die "missing Debian packages (${missing[*]}); run as root or install them: apt-get install ${missing[*]}"
	fi
	say "installing ${missing[*]}"
	# Another apt-get (a second clone's test run) may hold the dpkg lock: wait for it.
	as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 ||
		die "apt-get update failed"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
		"${missing[@]}" >&2 || die "apt-get install failed: ${missing[*]}"
}

BASE_PACKAGES=(build-essential "postgresql-$PG_MAJOR" "postgresql-server-dev-$PG_MAJOR" "postgresql-client-$PG_MAJOR")

# The unprivileged user that owns throwaway clusters (PostgreSQL refuses root).
pick_cluster_user() {
	if [ "$(id -u)" -ne 0 ]; then id -un
	elif id postgres >/dev/null 2>&1; then echo postgres
	else die "running as root and there is no 'postgres' user to own the cluster"
	fi
}

# Run a command as the cluster user.
as_cluster_user() {
	if [ "$(id -un)" = "$CLUSTER_USER" ]; then "$@"
	elif [ "$(id -u)" -eq 0 ]; then runuser -u "$CLUSTER_USER" -- "$@"
	else sudo -u "$CLUSTER_USER" "$@"
	fi
}

# A TCP port that nothing listens on.
free_port() {
	local port
	for port in $(shuf -i 20000-29999 -n 50); do
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
	done
	die "found no free TCP port"
}

# stage_postgres DIR: a private copy of the server with the extension built
# from this tree installed into it, so tests never touch the system install
# and several trees can be tested at once. PostgreSQL finds its share and lib
# folders relative to its binaries, so the copy works where it is.
stage_postgres() {
	local dir=$1
	mkdir -p "$dir/usr/lib/postgresql" "$dir/usr/share/postgresql"
	cp -a "$PG_SYS_LIB" "$dir/usr/lib/postgresql/"
	cp -a "$PG_SYS_SHARE" "$dir/usr/share/postgresql/"
	make -s install DESTDIR="$dir" >&2 || die "make install into $dir failed"
	PG_BIN="$dir$PG_SYS_LIB/bin"
}

# start_cluster DIR [extra postgresql.conf lines...]: initdb and start as the
# cluster user, socket and data under DIR, on a free port. Sets PGHOST,
# PGPORT, PGUSER for the clients. When HDH_SERVER_WRAPPER names an executable,
# pg_ctl starts it instead of postgres (pg_ctl -p) and it must exec
# "$PG_BIN/postgres" "$@": test/run --asan and --valgrind use it to put only
# the server, not initdb nor the clients, under a sanitizer or valgrind.
# HDH_SERVER_TIMEOUT (seconds, default 60) bounds the start and the stop.
start_cluster() {
	local dir=$1; shift
	CLUSTER_USER=$(pick_cluster_user)
	CLUSTER_DIR=$dir
	mkdir -p "$dir/data" "$dir/socket"
	chmod 755 "$dir"
	[ "$(id -u)" -eq 0 ] && chown -R "$CLUSTER_USER" "$dir"
	PGPORT=$(free_port)
	as_cluster_user "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust \
		--encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; die "initdb failed"; }
	{
		echo "listen_addresses = '127.0.0.1'"
		echo "port = $PGPORT"
		echo "unix_socket_directories = '$dir/socket'"
		echo "fsync = off"
		echo "jit = off"
		local line
		for line in "$@"; do echo "$line"; done
	} >>"$dir/data/postgresql.conf"
	local wrapper=()
	[ -n "${HDH_SERVER_WRAPPER:-}" ] && wrapper=(-p "$HDH_SERVER_WRAPPER")
	as_cluster_user "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t "${HDH_SERVER_TIMEOUT:-60}" \
		"${wrapper[@]}" start >/dev/null ||
		{ cat "$dir/server.log" >&2; die "the server did not start"; }
	export PGHOST="$dir/socket" PGPORT PGUSER=postgres PGDATABASE=postgres
}

stop_cluster() {
	[ -n "${CLUSTER_DIR:-}" ] && [ -f "$CLUSTER_DIR/data/postmaster.pid" ] || return 0
	as_cluster_user "$PG_BIN/pg_ctl" -D "$CLUSTER_DIR/data" -m fast -w -t "${HDH_SERVER_TIMEOUT:-60}" stop >/dev/null 2>&1 || true
}
