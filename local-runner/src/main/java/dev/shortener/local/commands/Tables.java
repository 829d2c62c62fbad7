package dev.shortener.local.commands;

import java.util.ArrayList;
import java.util.List;

/** Query results as a text table: a header, a rule, left-aligned columns padded to their widest value. */
final class Tables {

    private Tables() {}

    /** {@code rows.get(0)} holds the column names. */
    static String format(List<List<Object>> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> row : rows) {
            cells.add(row.stream()
                    .map(value -> value == null ? "" : String.valueOf(value))
                    .toList());
        }
        int columns = cells.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : cells) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            line(text, cells.get(r), widths);
            if (r == 0) {
                List<String> rule = new ArrayList<>();
                for (int width : widths) {
                    rule.add("-".repeat(width));
                }
                line(text, rule, widths);
            }
        }
        if (cells.size() == 1) {
            text.append("(no rows)\n");
        }
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> row, int[] widths) {
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i);
            text.append(i == row.size() - 1 ? cell : cell + " ".repeat(widths[i] - cell.length() + 2));
        }
        text.append('\n');
    }
}
