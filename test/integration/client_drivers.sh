#!/usr/bin/env bash
# test/integration/client_drivers.sh — the two driver families BI tools use
# (doc/clients.md), over TCP, as a BI role with the grants of doc/scorecard.md
# ("Privileges"), on the synthetic sample, refreshed:
#
# - JDBC (DBeaver, Tableau, Metabase): test/integration/JdbcClient.java,
#   compiled with Debian's default-jdk-headless against libpostgresql-jdbc-java
#   (/usr/share/java/postgresql.jar). What DatabaseMetaData lists (views,
#   tables, the views' columns with their types and REMARKS) must equal the
#   catalog read through psql (pg_class, pg_attribute, pg_description); the
#   scorecard and access_delay rows must equal psql's; every table must be
#   refused with SQLSTATE 42501.
# - ODBC (Excel, Power BI): test/integration/odbc_client.c against unixODBC
#   and Debian's odbc-postgresql (psqlODBC, Unicode driver), connected with a
#   DSN-less connection string, ODBCSYSINI and ODBCINI pointing at an empty
#   private folder so that no /etc/odbc*.ini is read. The scorecard's column
#   types (SQLDescribeCol) must be those of doc/clients.md's table for the
#   columns' PostgreSQL types, and its rows psql's.
#
# Also: `bin/demo psql ARGS...` passes its arguments on to psql (run against
# this cluster through a stand-in demo folder). Prints TAP. Uses the cluster
# of test/run (PGHOST, PGPORT, PGUSER) and $WORK.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
PSQL="${PG_BIN:+$PG_BIN/}psql"
DB=hdh_drivers
BI_ROLE=hdh_bi_drivers_test
LOADER=hdh_loader_drivers_test		# the page's grants name one; unused here
PASSWORD=drivers-test-$$
JAR=/usr/share/java/postgresql.jar

. test/lib/tap.sh
. test/lib/bi_database.sh
q() { "$PSQL" -qXAt -v ON_ERROR_STOP=1 -d "$DB" "$@" 2>&1; }
TMP=$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/client_drivers.XXXXXX") || exit 1
chmod 755 "$TMP"
cleanup() {
	"$PSQL" -qX -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "DROP DATABASE IF EXISTS hdh_demo" \
		-c "DROP ROLE IF EXISTS $BI_ROLE" -c "DROP ROLE IF EXISTS $LOADER" >/dev/null 2>&1
	rm -rf "$TMP"
}
trap cleanup EXIT
cleanup
mkdir -p "$TMP"

if ! bi_database "$DB" "$BI_ROLE" "$LOADER" "$PASSWORD"; then
	not_ok "set up database $DB with the sample, refreshed, and role $BI_ROLE"
	finish
fi
if out=$(q <<<"$(doc_grants "$BI_ROLE" "$LOADER")"); then
	ok "set up database $DB with the sample, refreshed, and role $BI_ROLE with the BI grants of doc/scorecard.md"
else
	not_ok "the BI grants of doc/scorecard.md apply" "$out"; finish
fi

# esc SQL-EXPRESSION: the text as the clients print it, backslash and newline escaped.
esc() { local b='\'; echo "replace(replace(coalesce($1, ''), '$b', '$b$b'), E'${b}n', '${b}n')"; }
# psql_rows VIEW [COLUMN EXPRESSIONS]: the view's rows as 'row|' lines, ordered as the clients order them.
psql_rows() { q -F '|' -c "SELECT ${2:-*} FROM hdh_roadmap.$1 ORDER BY 1, 2" | sed 's/^/row|/'; }
cmp_lines() {		# cmp_lines DESCRIPTION GOT WANT: equal as sorted line sets, first differences shown
	local d
	d=$(diff <(LC_ALL=C sort <<<"$2") <(LC_ALL=C sort <<<"$3") | head -12)
	if [ -z "$d" ]; then ok "$1"; else not_ok "$1"; sed 's/^/#   /' <<<"$d"; fi
}
SCORECARD_ROWS=$(q -c "SELECT count(*) FROM hdh_roadmap.scorecard")
DELAY_ROWS=$(q -c "SELECT count(*) FROM hdh_roadmap.access_delay")
echo "# the sample's scorecard has $SCORECARD_ROWS rows, access_delay $DELAY_ROWS"

# ---- JDBC --------------------------------------------------------------------------
if ! [ -r "$JAR" ] || ! command -v javac >/dev/null; then
	not_ok "javac and $JAR are installed (default-jdk-headless, libpostgresql-jdbc-java)"
elif ! out=$(javac -d "$TMP" test/integration/JdbcClient.java 2>&1); then
	not_ok "javac compiles JdbcClient.java" "$out"
elif ! jdbc=$(java -cp "$TMP:$JAR" JdbcClient "jdbc:postgresql://127.0.0.1:$PGPORT/$DB" "$BI_ROLE" "$PASSWORD" 2>&1); then
	not_ok "JdbcClient runs as $BI_ROLE" "$(tail -5 <<<"$jdbc")"
else
	ok "JdbcClient compiles and runs as $BI_ROLE over jdbc:postgresql://127.0.0.1:$PGPORT/$DB"
	RELKINDS="c.relnamespace = 'hdh_roadmap'::regnamespace AND c.relkind IN ('v', 'm', 'r')"
	cmp_lines "DatabaseMetaData.getTables lists the views and tables with their COMMENTs as REMARKS" \
		"$(grep '^relation|' <<<"$jdbc")" \
		"$(q -c "SELECT 'relation|' || CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END
		               || '|' || c.relname || '|' || $(esc "obj_description(c.oid, 'pg_class')")
		           FROM pg_class c WHERE $RELKINDS")"
	# The JDBC type of each PostgreSQL type: java.sql.Types (what Tableau and DBeaver map).
	cmp_lines "DatabaseMetaData.getColumns gives each view column its type and its COMMENT as REMARKS" \
		"$(grep '^column|' <<<"$jdbc")" \
		"$(q -c "SELECT 'column|' || c.relname || '|' || a.attname || '|' || t.typname || '|'
		               || CASE t.typname WHEN 'int2' THEN '5' WHEN 'int4' THEN '4' WHEN 'int8' THEN '-5'
		                    WHEN 'float4' THEN '7' WHEN 'float8' THEN '8' WHEN 'numeric' THEN '2'
		                    WHEN 'text' THEN '12' WHEN 'varchar' THEN '12' WHEN 'name' THEN '12' WHEN 'bpchar' THEN '1'
		                    WHEN 'date' THEN '91' WHEN 'time' THEN '92' WHEN 'timestamp' THEN '93'
		                    WHEN 'timestamptz' THEN '93' WHEN 'bool' THEN '-7' ELSE 'no JDBC type known for ' || t.typname END
		               || '|' || $(esc "col_description(c.oid, a.attnum)")
		           FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid JOIN pg_type t ON t.oid = a.atttypid
		          WHERE $RELKINDS AND c.relkind <> 'r' AND a.attnum > 0 AND NOT a.attisdropped")"
	check "every view and view column has REMARKS (a COMMENT), as a BI tool shows them" \
		"$(grep -E '^(relation\|(VIEW|MATERIALIZED VIEW)\|[^|]*|column\|.*)\|$' <<<"$jdbc")" ""
	check "JdbcClient listed views and columns" \
		"$([ "$(grep -c '^relation|VIEW|' <<<"$jdbc")" -ge 5 ] && [ "$(grep -c '^column|' <<<"$jdbc")" -ge 30 ] && echo yes)" "yes"
	for view in scorecard access_delay; do
		cmp_lines "JDBC reads $view as $BI_ROLE: the rows psql reads" \
			"$(grep "^row|$view|" <<<"$jdbc" | sed "s/^row|$view|/row|/")" "$(psql_rows "$view")"
	done
	check "JDBC read all $SCORECARD_ROWS scorecard rows and $DELAY_ROWS access_delay rows" \
		"$(grep -c '^row|scorecard|' <<<"$jdbc") $(grep -c '^row|access_delay|' <<<"$jdbc")" "$SCORECARD_ROWS $DELAY_ROWS"
	cmp_lines "JDBC is refused every table (SQLSTATE 42501)" \
		"$(grep '^refused|' <<<"$jdbc")" \
		"$(q -c "SELECT 'refused|' || c.relname || '|42501' FROM pg_class c
		          WHERE c.relnamespace = 'hdh_roadmap'::regnamespace AND c.relkind = 'r'")"
fi

# ---- ODBC ---------------------------------------------------------------------------
DRIVER=$(dpkg -L odbc-postgresql 2>/dev/null | grep '/psqlodbcw\.so$' | head -1)
mkdir -p "$TMP/odbc"
: >"$TMP/odbc/odbc.ini"
: >"$TMP/odbc/odbcinst.ini"
# What doc/clients.md gives as the connection string, for this cluster.
CONN="Driver=$DRIVER;Server=127.0.0.1;Port=$PGPORT;Database=$DB;Uid=$BI_ROLE;Pwd=$PASSWORD;BoolsAsChar=0"
odbc_query() { ODBCSYSINI=$TMP/odbc ODBCINI=$TMP/odbc/odbc.ini "$TMP/odbc_client" "$CONN" "$1" 2>&1; }
# attributes VIEW SELECT-EXPRESSION: one value per column of the view, in order, from pg_attribute (a) and pg_type (t).
attributes() {
	q -c "SELECT $2 FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
	       WHERE a.attrelid = 'hdh_roadmap.$1'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"
}
if [ -z "$DRIVER" ]; then
	not_ok "odbc-postgresql's Unicode driver (psqlodbcw.so) is installed"
elif ! out=$(gcc -Wall -Wextra -Werror -o "$TMP/odbc_client" test/integration/odbc_client.c -lodbc 2>&1); then
	not_ok "odbc_client.c compiles against unixODBC (unixodbc-dev)" "$out"
else
	for view in scorecard access_delay; do
		if ! odbc=$(odbc_query "SELECT * FROM hdh_roadmap.$view ORDER BY 1, 2"); then
			not_ok "odbc_client reads $view as $BI_ROLE" "$(tail -5 <<<"$odbc")"; continue
		fi
		# The ODBC SQL type of each PostgreSQL type, psqlODBC's Unicode driver
		# with BoolsAsChar=0 called through the ANSI API (the table of doc/clients.md).
		check "ODBC reads $view as $BI_ROLE, DSN-less, with the column types of doc/clients.md" \
			"$(grep '^column|' <<<"$odbc")" \
			"$(attributes "$view" "'column|' || a.attname || '|' || CASE t.typname
			     WHEN 'int4' THEN '4' WHEN 'int8' THEN '-5' WHEN 'float8' THEN '6' WHEN 'numeric' THEN '2'
			     WHEN 'text' THEN '-1' WHEN 'date' THEN '91' WHEN 'timestamptz' THEN '93' WHEN 'bool' THEN '-7'
			     ELSE 'no ODBC type known for ' || t.typname END")"
		# As text, ODBC gives a boolean (SQL_BIT) as 1 or 0.
		cols=$(attributes "$view" "CASE t.typname WHEN 'bool' THEN format('%I::int', a.attname) ELSE quote_ident(a.attname) END" |
			paste -sd,)
		cmp_lines "ODBC reads the $view rows psql reads" "$(grep '^row|' <<<"$odbc")" "$(psql_rows "$view" "$cols")"
		count=$(grep -c '^row|' <<<"$odbc")
		check "ODBC read every $view row ($count)" "$count" "$([ "$view" = scorecard ] && echo "$SCORECARD_ROWS" || echo "$DELAY_ROWS")"
	done
	check "ODBC is refused a table (42501 in the driver's diagnostics)" \
		"$(odbc_query "SELECT * FROM hdh_roadmap.project" | grep -o '^  42501' | head -1)" "  42501"
fi

# ---- bin/demo psql passes its arguments on ------------------------------------------------
# A stand-in demo folder whose socket and port are this cluster's.
mkdir -p "$TMP/demo"
ln -s "$PGHOST" "$TMP/demo/socket"
echo "$PGPORT" >"$TMP/demo/port"
"$PSQL" -qX -d postgres -c "CREATE DATABASE hdh_demo" >/dev/null 2>&1
check "bin/demo psql -c '…' runs the command in the demo database" \
	"$(HDH_DEMO_DIR=$TMP/demo bin/demo psql -At -c "SELECT current_database(), 6 * 7" 2>&1)" "hdh_demo|42"
check "bin/demo psql passes every argument (-At, -v, -c, -f -)" \
	"$(HDH_DEMO_DIR=$TMP/demo bin/demo psql -At -v x=5 -c "SELECT 'first'" -f - <<<"SELECT :x + 1;" 2>&1)" \
	"$(printf 'first\n6')"
finish
