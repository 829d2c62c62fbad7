package dev.shortener.deploycheck.options;

import dev.shortener.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command's {@code --name value} (or {@code --name=value}) options, as a map from option to value. An unknown
 * option, a missing value or an option given twice fails at once with a {@link ConfigException} naming the option:
 * a typo must not silently drop a check's setting.
 */
public final class CommandLine {

    /** Options that stand alone (no value). */
    public static final Set<String> FLAGS = Set.of("--help");

    private CommandLine() {}

    public static Map<String, String> parse(String[] argv) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 2) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (arg.equals("-h")) {
                name = "--help";
            }
            if (Option.byFlag(name).isEmpty() && !FLAGS.contains(name)) {
                throw new ConfigException(
                        name,
                        "Unknown option '" + name + "'" + (name.startsWith("--") ? "" : " (options start with --)")
                                + "; run with --help for the list.");
            }
            if (FLAGS.contains(name)) {
                options.put(name, "true");
                continue;
            }
            if (value == null) {
                if (i + 1 >= argv.length || argv[i + 1].startsWith("--")) {
                    throw new ConfigException(name, name + " needs a value, e.g. " + name + " " + example(name) + ".");
                }
                value = argv[++i];
            }
            if (value.isBlank()) {
                throw new ConfigException(name, name + " needs a value, e.g. " + name + " " + example(name) + ".");
            }
            if (options.putIfAbsent(name, value) != null) {
                throw new ConfigException(name, name + " is given twice; give it once.");
            }
        }
        return options;
    }

    private static String example(String name) {
        return Option.byFlag(name).map(Option::example).orElse("VALUE");
    }
}
