package dev.shortener.analytics.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The named queries, kept as {@code .sql} files under {@code queries/} (the template's Athena named queries are
 * made from the same files). They are written in the SQL that Athena (Trino) and DuckDB both accept; the table
 * is the placeholder {@value #TABLE_PLACEHOLDER} and the partition range two {@code ?} parameters, which Athena's
 * console prompts for and JDBC binds.
 */
public enum NamedQuery {
    CLICKS_PER_LINK_PER_DAY("Clicks per link per day"),
    TOP_LINKS("Top links"),
    TOP_REFERRERS("Top referrers"),
    COUNTRIES("Clicks by country"),
    BOT_SHARE("Bot share per day"),
    BOT_AGENTS("Bots and link previewers"),
    DAILY_STATS("Daily stats per link, as the stats API reports them");

    public static final String TABLE_PLACEHOLDER = "{{clicks}}";

    private final String title;

    NamedQuery(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The file name under {@code queries/}, e.g. {@code top_links.sql}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT) + ".sql";
    }

    /** The query as kept, placeholder and all. */
    public String sql() {
        try (InputStream in = NamedQuery.class.getResourceAsStream("/queries/" + fileName())) {
            if (in == null) {
                throw new IllegalStateException("missing resource queries/" + fileName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query over {@code table}: a Glue table name, or a DuckDB table function call. */
    public String over(String table) {
        return sql().replace(TABLE_PLACEHOLDER, table);
    }
}
