# test/lib/bi_database.sh — a database as BI tools meet it, for the
# integration scripts that connect as a BI role (bi_client.sh,
# client_drivers.sh): the extension, the synthetic sample, refreshed, a BI
# role and a loader role, and the grants of doc/scorecard.md ("Privileges")
# taken from the page itself.
# shellcheck shell=bash

# bi_database DB BI_ROLE LOADER_ROLE PASSWORD: create the database with the
# extension and the sample (seed 42), refreshed, and the two login roles.
# Uses $PSQL and the cluster of PGHOST/PGPORT/PGUSER; returns 1 on a failure.
bi_database() {
	"$PSQL" -qX -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $1" \
		-c "CREATE ROLE $2 LOGIN PASSWORD '$4'" -c "CREATE ROLE $3 LOGIN PASSWORD '$4'" >/dev/null &&
		"$PSQL" -qX -v ON_ERROR_STOP=1 -d "$1" -c "CREATE EXTENSION hdh_roadmap" >/dev/null &&
		PGOPTIONS="-c client_min_messages=warning" \
			"$PSQL" -qX -v ON_ERROR_STOP=1 -d "$1" -v seed=42 -f sample/load.sql >/dev/null &&
		"$PSQL" -qX -v ON_ERROR_STOP=1 -d "$1" -c "SELECT hdh_roadmap.refresh()" >/dev/null
}

# doc_grants BI_ROLE LOADER_ROLE: the sql block of doc/scorecard.md that starts
# "-- not run: roles are cluster-wide", without its CREATE ROLE lines (the
# caller creates the roles, with passwords), hdh_bi and hdh_loader renamed.
doc_grants() {
	awk '/^```sql$/ { inblock = 1; first = 1; next }
	     /^```$/ { inblock = 0; keep = 0; next }
	     inblock && first { first = 0; keep = ($0 ~ /^-- not run: roles are cluster-wide/) }
	     inblock && keep && !/^CREATE ROLE/' doc/scorecard.md |
		sed -E "s/\bhdh_bi\b/$1/g; s/\bhdh_loader\b/$2/g"
}
