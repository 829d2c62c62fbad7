package dev.shortener.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line and the runner's own environment variables. Everything else (endpoints, limits, the click
 * sink) is read from the same variables the functions read in the cloud.
 *
 * @param command the subcommand ({@code serve} when none is given)
 * @param port    the HTTP port on 127.0.0.1 (0: any free port)
 * @param data    the data folder: the emulator's tables, the click files, the secrets
 * @param args    what follows the subcommand, options removed
 */
public record RunnerSettings(String command, int port, Path data, List<String> args, Map<String, String> env) {

    /** The HTTP port; {@code --port} wins. */
    public static final String PORT = "PORT";
    /** The data folder; {@code --data} wins. */
    public static final String DATA = "SHORTENER_DATA";

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_DATA = "data";

    public static RunnerSettings parse(String[] argv, Map<String, String> env) {
        String port = env.get(PORT);
        String data = env.get(DATA);
        String command = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (arg.equals("--port") || arg.equals("--data")) {
                if (i + 1 >= argv.length) {
                    throw new RunnerException(
                            arg + " needs a value, e.g. " + arg + (arg.equals("--port") ? " 8081" : " ./data"));
                }
                if (arg.equals("--port")) {
                    port = argv[++i];
                } else {
                    data = argv[++i];
                }
            } else if (arg.startsWith("--port=")) {
                port = arg.substring("--port=".length());
            } else if (arg.startsWith("--data=")) {
                data = arg.substring("--data=".length());
            } else if (command == null && (arg.equals("--help") || arg.equals("-h"))) {
                command = "help";
            } else if (command == null && !arg.startsWith("-")) {
                command = arg;
            } else {
                rest.add(arg);
            }
        }
        return new RunnerSettings(
                command == null ? "serve" : command, port(port), dataPath(data), List.copyOf(rest), Map.copyOf(env));
    }

    private static int port(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RunnerException(
                "The port (--port or " + PORT + ") must be a number from 0 to 65535, got '" + value + "'.");
    }

    private static Path dataPath(String value) {
        return Path.of(value == null || value.isBlank() ? DEFAULT_DATA : value.strip())
                .toAbsolutePath()
                .normalize();
    }

    /** A variable of the environment, null when unset or blank. */
    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
