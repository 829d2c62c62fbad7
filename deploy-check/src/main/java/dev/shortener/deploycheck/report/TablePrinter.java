package dev.shortener.deploycheck.report;

import dev.shortener.deploycheck.checks.Outcome;
import dev.shortener.deploycheck.checks.Row;
import java.io.PrintStream;
import java.util.List;

/**
 * The rows as a Markdown table (readable in a terminal, pasteable into an issue), columns padded, followed by a
 * one-line summary.
 */
public final class TablePrinter {

    private TablePrinter() {}

    public static void print(List<Row> rows, PrintStream out) {
        int check = "check".length();
        int result = "result".length();
        for (Row row : rows) {
            check = Math.max(check, row.check().printed().length());
            result = Math.max(result, row.result().outcome().label().length());
        }
        out.println(line(pad("check", check), pad("result", result), "evidence"));
        out.println(line("-".repeat(check), "-".repeat(result), "-".repeat("evidence".length())));
        for (Row row : rows) {
            out.println(line(
                    pad(row.check().printed(), check),
                    pad(row.result().outcome().label(), result),
                    cell(row.result().evidence())));
        }
        out.println();
        out.println(summary(rows));
    }

    /**
     * {@code Checks passed: 12, failed: 1, skipped: 4} (not "12 passed, 1 failed", which CI would read as a test
     * runner's closing line when a test prints the table).
     */
    public static String summary(List<Row> rows) {
        return "Checks passed: " + count(rows, Outcome.PASS) + ", failed: " + count(rows, Outcome.FAIL) + ", skipped: "
                + count(rows, Outcome.SKIP);
    }

    private static long count(List<Row> rows, Outcome outcome) {
        return rows.stream().filter(row -> row.result().outcome() == outcome).count();
    }

    private static String line(String a, String b, String c) {
        return "| " + a + " | " + b + " | " + c + " |";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("[\\r\\n]+", " ");
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
