/*
 * test/integration/odbc_client.c — what an ODBC tool (Excel, Power BI) sees
 * of a query, through unixODBC and Debian's PostgreSQL ODBC driver (psqlODBC).
 * Run by test/integration/client_drivers.sh, which compares every line with
 * an independent query through psql:
 *
 *   odbc_client 'CONNECTION STRING' 'QUERY'
 *
 * connects with SQLDriverConnect (a DSN-less connection string: no odbc.ini),
 * runs the query and prints, fields separated by '|', NULL as an empty field:
 *   column|name|SQL type number (SQLDescribeCol)
 *   row|v1|v2|...  each value read as text (SQLGetData, SQL_C_CHAR)
 * Exits 1 with the driver's diagnostics on stderr when a call fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sql.h>
#include <sqlext.h>

/* Diagnostics of the handle, then exit. */
static void
Fail(SQLSMALLINT type, SQLHANDLE handle, const char *what)
{
	SQLCHAR		state[6], message[1024];
	SQLINTEGER	native;
	SQLSMALLINT len, i;

	fprintf(stderr, "odbc_client: %s failed\n", what);
	for (i = 1; SQLGetDiagRec(type, handle, i, state, &native, message, sizeof(message), &len) == SQL_SUCCESS; i++)
		fprintf(stderr, "  %s: %s\n", (char *) state, (char *) message);
	exit(1);
}

int
main(int argc, char **argv)
{
	SQLHENV		env;
	SQLHDBC		dbc;
	SQLHSTMT	stmt;
	SQLSMALLINT ncols, i;
	SQLRETURN	rc;

	if (argc != 3)
	{
		fprintf(stderr, "usage: odbc_client CONNECTION-STRING QUERY\n");
		return 2;
	}
	if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env)))
		return 1;
	SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER) SQL_OV_ODBC3, 0);
	if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc)))
		Fail(SQL_HANDLE_ENV, env, "SQLAllocHandle(DBC)");
	if (!SQL_SUCCEEDED(SQLDriverConnect(dbc, NULL, (SQLCHAR *) argv[1], SQL_NTS, NULL, 0, NULL,
										SQL_DRIVER_NOPROMPT)))
		Fail(SQL_HANDLE_DBC, dbc, "SQLDriverConnect");
	if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt)))
		Fail(SQL_HANDLE_DBC, dbc, "SQLAllocHandle(STMT)");
	if (!SQL_SUCCEEDED(SQLExecDirect(stmt, (SQLCHAR *) argv[2], SQL_NTS)))
		Fail(SQL_HANDLE_STMT, stmt, "SQLExecDirect");
	if (!SQL_SUCCEEDED(SQLNumResultCols(stmt, &ncols)))
		Fail(SQL_HANDLE_STMT, stmt, "SQLNumResultCols");

	for (i = 1; i <= ncols; i++)
	{
		SQLCHAR		name[256];
		SQLSMALLINT namelen, type, digits, nullable;
		SQLULEN		size;

		if (!SQL_SUCCEEDED(SQLDescribeCol(stmt, i, name, sizeof(name), &namelen, &type, &size, &digits, &nullable)))
			Fail(SQL_HANDLE_STMT, stmt, "SQLDescribeCol");
		printf("column|%s|%d\n", (char *) name, (int) type);
	}
	while ((rc = SQLFetch(stmt)) != SQL_NO_DATA)
	{
		if (!SQL_SUCCEEDED(rc))
			Fail(SQL_HANDLE_STMT, stmt, "SQLFetch");
		printf("row");
		for (i = 1; i <= ncols; i++)
		{
			char		value[4096];
			SQLLEN		ind;

			if (!SQL_SUCCEEDED(SQLGetData(stmt, i, SQL_C_CHAR, value, sizeof(value), &ind)))
				Fail(SQL_HANDLE_STMT, stmt, "SQLGetData");
			if (ind != SQL_NULL_DATA && (ind == SQL_NO_TOTAL || ind >= (SQLLEN) sizeof(value)))
			{
				fprintf(stderr, "odbc_client: a value of column %d is longer than %zu bytes\n",
						(int) i, sizeof(value) - 1);
				return 1;
			}
			printf("|%s", ind == SQL_NULL_DATA ? "" : value);
		}
		printf("\n");
	}
	SQLFreeHandle(SQL_HANDLE_STMT, stmt);
	SQLDisconnect(dbc);
	SQLFreeHandle(SQL_HANDLE_DBC, dbc);
	SQLFreeHandle(SQL_HANDLE_ENV, env);
	return 0;
}
