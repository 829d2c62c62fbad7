package dev.shortener.create.admin;

import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;
import dev.shortener.links.LinksTableSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command's {@code --name value} options. {@code --table} and {@code --endpoint} stand in for
 * {@value LinksTableSettings#LINKS_TABLE} and {@value LinksTableSettings#DYNAMODB_ENDPOINT}, so the table is read
 * (and checked) exactly as the functions read it.
 *
 * @param owner the owner id, or null for a new one
 */
record Options(String owner, LinksTableSettings table) {

    private static final Set<String> KNOWN = Set.of("owner", "table", "endpoint");

    /**
     * @throws IllegalArgumentException for an unknown option or one without a value
     * @throws ConfigException          when neither {@code --table} nor the environment names the table, or the
     *                                  endpoint is not a URL
     */
    static Options parse(String[] args, Environment env) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !KNOWN.contains(name) || i + 1 >= args.length || args[i + 1].isBlank()) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
            options.put(name, args[i + 1].strip());
        }
        Map<String, String> overrides = new HashMap<>();
        if (options.containsKey("table")) {
            overrides.put(LinksTableSettings.LINKS_TABLE, options.get("table"));
        }
        if (options.containsKey("endpoint")) {
            overrides.put(LinksTableSettings.DYNAMODB_ENDPOINT, options.get("endpoint"));
        }
        return new Options(options.get("owner"), LinksTableSettings.fromEnvironment(env.with(overrides)));
    }
}
