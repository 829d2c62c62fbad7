package dev.shortener.local.clicks;

import dev.shortener.analytics.query.ClicksColumns;
import dev.shortener.analytics.query.NamedQuery;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Runs a named query with DuckDB over a local folder of events (the local sink's, or objects copied from the
 * bucket). Plain JDBC: the DuckDB driver is needed on the class path only when this runs, never in a function.
 *
 * <pre>java -cp analytics.jar:duckdb_jdbc.jar:... dev.shortener.local.clicks.LocalQueries DIR top_links 2026-05-01 2026-05-31</pre>
 */
public final class LocalQueries {

    private LocalQueries() {}

    public static void main(String[] args) throws SQLException {
        if (args.length != 4) {
            System.err.println("usage: LocalQueries <dir> <query> <first-day> <last-day>");
            System.exit(2);
        }
        NamedQuery query = NamedQuery.valueOf(args[1].replace(".sql", "").toUpperCase(Locale.ROOT));
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:")) {
            print(run(duckDb, query, Path.of(args[0]), args[2], args[3]), System.out);
        }
    }

    /** Rows as lists of column values (the first row holds the column names). */
    public static List<List<Object>> run(
            Connection connection, NamedQuery query, Path root, String firstDay, String lastDay) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query.over(duckDbSource(root)))) {
            statement.setString(1, firstDay);
            statement.setString(2, lastDay);
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                List<List<Object>> out = new ArrayList<>();
                List<Object> header = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    header.add(rows.getMetaData().getColumnLabel(i));
                }
                out.add(header);
                while (rows.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rows.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    static void print(List<List<Object>> rows, PrintStream out) {
        for (List<Object> row : rows) {
            out.println(String.join("\t", row.stream().map(String::valueOf).toList()));
        }
    }

    /**
     * A DuckDB {@code read_json} over every event file under {@code root} (the bucket's layout: plain or GZIP
     * NDJSON under {@code clicks/dt=.../}), with {@code dt} read from the path as a string, as in the Glue table.
     */
    static String duckDbSource(Path root) {
        String glob = root.toAbsolutePath().resolve("clicks").toString().replace('\\', '/') + "/*/*";
        String columns = ClicksColumns.ATHENA.entrySet().stream()
                .map(c -> c.getKey() + ": '" + duckDbType(c.getValue()) + "'")
                .collect(Collectors.joining(", ", "{", "}"));
        return "read_json('" + glob.replace("'", "''") + "', format = 'newline_delimited', "
                + "hive_partitioning = true, hive_types = {'dt': 'VARCHAR'}, columns = " + columns + ")";
    }

    private static String duckDbType(String athenaType) {
        return switch (athenaType) {
            case "int" -> "INTEGER";
            case "boolean" -> "BOOLEAN";
            default -> "VARCHAR";
        };
    }
}
