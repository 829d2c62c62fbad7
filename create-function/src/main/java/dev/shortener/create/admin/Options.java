package dev.shortener.create.admin;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The command's {@code --name value} options, with defaults from the environment. */
final class Options {

    private static final Set<String> KNOWN = Set.of("owner", "table", "endpoint");

    private Options() {}

    static Map<String, String> parse(String[] args, Map<String, String> env) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !KNOWN.contains(name) || i + 1 >= args.length || args[i + 1].isBlank()) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
            options.put(name, args[i + 1].strip());
        }
        defaultFrom(options, "table", env.get("LINKS_TABLE"));
        defaultFrom(options, "endpoint", env.get("DYNAMODB_ENDPOINT"));
        if (!options.containsKey("table")) {
            throw new IllegalArgumentException("no table: pass --table or set LINKS_TABLE");
        }
        return options;
    }

    private static void defaultFrom(Map<String, String> options, String name, String value) {
        if (!options.containsKey(name) && value != null && !value.isBlank()) {
            options.put(name, value.strip());
        }
    }
}
