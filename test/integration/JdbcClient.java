// test/integration/JdbcClient.java — what a JDBC tool (DBeaver, Tableau,
// Metabase) sees of schema hdh_roadmap, through Debian's PostgreSQL JDBC
// driver. Run by test/integration/client_drivers.sh, which compares every
// line with an independent query through psql:
//
//   java -cp .:/usr/share/java/postgresql.jar JdbcClient URL USER PASSWORD
//
// prints, one fact per line, fields separated by '|', newlines in text as \n:
//   relation|TYPE|name|REMARKS        DatabaseMetaData.getTables, views and tables
//   column|relation|name|TYPE_NAME|DATA_TYPE|REMARKS   getColumns, the views only
//   row|relation|v1|v2|...            SELECT * of scorecard and access_delay
//   refused|table|SQLSTATE            SELECT of each table, which must fail
// Exits 1 on an unexpected error (the message on stderr).
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

public class JdbcClient {
	private static final String SCHEMA = "hdh_roadmap";
	private static final String[] READ = {"scorecard", "access_delay"};

	private static String field(String s) {
		return s == null ? "" : s.replace("\\", "\\\\").replace("\n", "\\n");
	}

	public static void main(String[] args) throws SQLException {
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		try (Connection conn = DriverManager.getConnection(args[0], args[1], args[2])) {
			DatabaseMetaData meta = conn.getMetaData();
			List<String> views = new ArrayList<>();
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = meta.getTables(null, SCHEMA, "%",
					new String[] {"VIEW", "MATERIALIZED VIEW", "TABLE"})) {
				while (rs.next()) {
					String type = rs.getString("TABLE_TYPE"), name = rs.getString("TABLE_NAME");
					out.println("relation|" + type + "|" + name + "|" + field(rs.getString("REMARKS")));
					(type.equals("TABLE") ? tables : views).add(name);
				}
			}
			for (String view : views) {
				try (ResultSet rs = meta.getColumns(null, SCHEMA, view, "%")) {
					while (rs.next())
						out.println("column|" + view + "|" + rs.getString("COLUMN_NAME") + "|"
							+ rs.getString("TYPE_NAME") + "|" + rs.getInt("DATA_TYPE") + "|"
							+ field(rs.getString("REMARKS")));
				}
			}
			for (String view : READ) {
				try (Statement st = conn.createStatement();
					 ResultSet rs = st.executeQuery("SELECT * FROM " + SCHEMA + "." + view + " ORDER BY 1, 2")) {
					ResultSetMetaData rsmd = rs.getMetaData();
					while (rs.next()) {
						StringBuilder line = new StringBuilder("row|" + view);
						for (int i = 1; i <= rsmd.getColumnCount(); i++)
							line.append('|').append(field(rs.getString(i)));
						out.println(line);
					}
				}
			}
			for (String table : tables) {
				try (Statement st = conn.createStatement()) {
					st.executeQuery("SELECT * FROM " + SCHEMA + "." + table + " LIMIT 1").close();
					out.println("refused|" + table + "|none: the table was read");
				} catch (SQLException e) {
					out.println("refused|" + table + "|" + e.getSQLState());
				}
			}
		}
	}
}
