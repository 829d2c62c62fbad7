package dev.shortener.local.commands;

import dev.shortener.analytics.query.NamedQuery;
import dev.shortener.local.RunnerException;
import dev.shortener.local.RunnerSettings;
import dev.shortener.local.clicks.LocalClickSink;
import dev.shortener.local.clicks.LocalQueries;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code stats [query...] [--from yyyy-MM-dd] [--to yyyy-MM-dd]}: the named queries (click-sink's queries/*.sql), run with
 * DuckDB over the click files in the data folder (the same SQL Athena runs over S3), printed as tables.
 */
public final class Stats {

    private Stats() {}

    public static int run(RunnerSettings settings, PrintStream out, PrintStream err) throws SQLException {
        Path root = settings.env(LocalClickSink.LOCAL_DIR) == null
                ? settings.data()
                : Path.of(settings.env(LocalClickSink.LOCAL_DIR));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String from = "2026-01-01";
        String to = today.plusDays(1).toString();
        List<NamedQuery> queries = new ArrayList<>();
        List<String> args = settings.args();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--from" -> from = day(args, ++i);
                case "--to" -> to = day(args, ++i);
                default -> queries.add(query(args.get(i)));
            }
        }
        if (queries.isEmpty()) {
            queries = List.of(NamedQuery.values());
        }
        if (!hasClickFiles(root.resolve("clicks"))) {
            out.println("No clicks yet in " + root.resolve("clicks") + ": follow a short link first.");
            return 0;
        }
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:")) {
            for (NamedQuery query : queries) {
                out.println("== " + query.title() + " (" + query.fileName() + ", dt " + from + " to " + to + ")");
                out.println(Tables.format(LocalQueries.run(duckDb, query, root, from, to)));
            }
        }
        return 0;
    }

    private static String day(List<String> args, int i) {
        if (i >= args.size()) {
            throw new RunnerException("--from and --to need a day, e.g. --from 2026-05-01");
        }
        try {
            return LocalDate.parse(args.get(i)).toString();
        } catch (java.time.format.DateTimeParseException e) {
            throw new RunnerException("Not a day (yyyy-MM-dd): " + args.get(i));
        }
    }

    private static NamedQuery query(String name) {
        try {
            return NamedQuery.valueOf(name.replace(".sql", "").replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RunnerException("No named query '" + name + "'; there are: "
                    + Stream.of(NamedQuery.values())
                            .map(q -> q.name().toLowerCase(Locale.ROOT))
                            .toList());
        }
    }

    private static boolean hasClickFiles(Path clicks) {
        if (!Files.isDirectory(clicks)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(clicks, 2)) {
            return files.anyMatch(Files::isRegularFile);
        } catch (IOException e) {
            throw new RunnerException("Could not read " + clicks + ": " + e, e);
        }
    }
}
