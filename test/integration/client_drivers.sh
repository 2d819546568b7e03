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
# The table "Column types as the drivers report them" of doc/clients.md, as
# SQL rows (type regtype, jdbc int, odbc int): the types the test expects.
TYPE_MAP=$(awk '/^## Column types/ { intable = 1; next } intable && /^## / { exit }
                intable && /^\| `/ { gsub(/[`| ]+/, " "); n = split($0, f, /[()]/);
                                     split(f[1], t, " "); printf "%s(%s::regtype, %s, %s)", sep, "\047" t[1] "\047", f[2], f[4]; sep = ", " }' doc/clients.md)
TYPES="(VALUES $TYPE_MAP) m(typ, jdbc, odbc)"
SCORECARD_ROWS=$(q -c "SELECT count(*) FROM hdh_roadmap.scorecard")
DELAY_ROWS=$(q -c "SELECT count(*) FROM hdh_roadmap.access_delay")
echo "# the sample's scorecard has $SCORECARD_ROWS rows, access_delay $DELAY_ROWS"

# ---- JDBC --------------------------------------------------------------------------
# doc/clients.md's URL, with this cluster's host, port and database.
URL=$(grep -m1 -o '^jdbc:postgresql://[^ ]*' doc/clients.md |
	sed -E "s|//[^/]*/[^?]*|//127.0.0.1:$PGPORT/$DB|")
if ! [ -r "$JAR" ] || ! command -v javac >/dev/null; then
	not_ok "javac and $JAR are installed (default-jdk-headless, libpostgresql-jdbc-java)"
elif ! out=$(javac -d "$TMP" test/integration/JdbcClient.java 2>&1); then
	not_ok "javac compiles JdbcClient.java" "$out"
elif [ -z "$URL" ]; then
	not_ok "doc/clients.md gives a JDBC URL"
elif ! jdbc=$(java -cp "$TMP:$JAR" JdbcClient "$URL" "$BI_ROLE" "$PASSWORD" 2>&1); then
	not_ok "JdbcClient runs as $BI_ROLE" "$(tail -5 <<<"$jdbc")"
else
	ok "JdbcClient compiles and runs as $BI_ROLE with doc/clients.md's URL: $URL"
	RELKINDS="c.relnamespace = 'hdh_roadmap'::regnamespace AND c.relkind IN ('v', 'm', 'r')"
	cmp_lines "DatabaseMetaData.getTables lists the views and tables with their COMMENTs as REMARKS" \
		"$(grep '^relation|' <<<"$jdbc")" \
		"$(q -c "SELECT 'relation|' || CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END
		               || '|' || c.relname || '|' || $(esc "obj_description(c.oid, 'pg_class')")
		           FROM pg_class c WHERE $RELKINDS")"
	# The JDBC type of each PostgreSQL type, java.sql.Types (what Tableau and DBeaver map): doc/clients.md's table.
	cmp_lines "DatabaseMetaData.getColumns gives each view column its type and its COMMENT as REMARKS" \
		"$(grep '^column|' <<<"$jdbc")" \
		"$(q -c "SELECT 'column|' || c.relname || '|' || a.attname || '|' || t.typname || '|'
		               || coalesce(m.jdbc::text, 'no type in doc/clients.md for ' || t.typname)
		               || '|' || $(esc "col_description(c.oid, a.attnum)")
		           FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid JOIN pg_type t ON t.oid = a.atttypid
		                LEFT JOIN $TYPES ON m.typ = a.atttypid
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
# A private ODBCSYSINI defining the driver as Debian's /etc/odbcinst.ini does.
mkdir -p "$TMP/odbc"
: >"$TMP/odbc/odbc.ini"
printf '[PostgreSQL Unicode]\nDriver=%s\n' "$DRIVER" >"$TMP/odbc/odbcinst.ini"
# doc/clients.md's connection string, with this cluster's server, port, database and role.
CONN=$(grep -m1 '^Driver={PostgreSQL Unicode};' doc/clients.md |
	sed -E "s/(Server)=[^;]*/\1=127.0.0.1/; s/(Port)=[^;]*/\1=$PGPORT/; s/(Database)=[^;]*/\1=$DB/;
	        s/(Uid)=[^;]*/\1=$BI_ROLE/; s/(Pwd)=[^;]*/\1=$PASSWORD/")
odbc_query() { ODBCSYSINI=$TMP/odbc ODBCINI=$TMP/odbc/odbc.ini "$TMP/odbc_client" "$CONN" "$1" 2>&1; }
# attributes VIEW SELECT-EXPRESSION: one value per column of the view, in
# order, from pg_attribute (a), pg_type (t) and doc/clients.md's types (m).
attributes() {
	q -c "SELECT $2 FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN $TYPES ON m.typ = a.atttypid
	       WHERE a.attrelid = 'hdh_roadmap.$1'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"
}
if [ -z "$DRIVER" ]; then
	not_ok "odbc-postgresql's Unicode driver (psqlodbcw.so) is installed"
elif [ "$(grep -o "Port=$PGPORT;.*BoolsAsChar=0" <<<"$CONN")" = "" ]; then
	not_ok "doc/clients.md gives an ODBC connection string with BoolsAsChar=0" "[$CONN]"
elif ! out=$(gcc -Wall -Wextra -Werror -o "$TMP/odbc_client" test/integration/odbc_client.c -lodbc 2>&1); then
	not_ok "odbc_client.c compiles against unixODBC (unixodbc-dev)" "$out"
else
	for view in scorecard access_delay; do
		if ! odbc=$(odbc_query "SELECT * FROM hdh_roadmap.$view ORDER BY 1, 2"); then
			not_ok "odbc_client reads $view as $BI_ROLE" "$(tail -5 <<<"$odbc")"; continue
		fi
		# The ODBC SQL type of each PostgreSQL type: doc/clients.md's table.
		check "ODBC reads $view as $BI_ROLE with doc/clients.md's connection string, with its column types" \
			"$(grep '^column|' <<<"$odbc")" \
			"$(attributes "$view" "'column|' || a.attname || '|'
			     || coalesce(m.odbc::text, 'no type in doc/clients.md for ' || t.typname)")"
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

# ---- the queries of doc/clients.md, as the BI role over TCP ---------------------------------
bq() { PGPASSWORD=$PASSWORD "$PSQL" -qXAt -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U "$BI_ROLE" -d "$DB" "$@" 2>&1; }
i=0
while IFS= read -r -d '' query; do
	i=$((i + 1))
	relation=$(grep -o 'hdh_roadmap\.[a-z_]*' <<<"$query" | head -1)
	if out=$(bq -c "SELECT count(*) FROM ($(sed 's/;[[:space:]]*$//' <<<"$query")) q"); then
		check "doc/clients.md's query $i runs as $BI_ROLE and reads every row of $relation" \
			"$out" "$(q -c "SELECT count(*) FROM $relation")"
	else
		not_ok "doc/clients.md's query $i runs as $BI_ROLE" "$out"
	fi
done < <(awk '/^```sql$/ { insql = 1; query = ""; next }
              insql && /^```$/ { insql = 0; printf "%s%c", query, 0; next }
              insql { query = query $0 "\n" }' doc/clients.md)
check "doc/clients.md has its two queries" "$i" "2"

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
