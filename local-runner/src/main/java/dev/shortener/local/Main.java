package dev.shortener.local;

import dev.shortener.config.Environment;
import dev.shortener.local.commands.ApiKeyCommand;
import dev.shortener.local.commands.Inspect;
import dev.shortener.local.commands.Serve;
import dev.shortener.local.commands.Stats;

/**
 * The local runner: the whole shortener on one machine, no AWS account, no Docker.
 *
 * <pre>
 * java -jar shortener-local.jar [serve] [--port 8080] [--data ./data]
 * java -jar shortener-local.jar stats [query...] [--from yyyy-MM-dd] [--to yyyy-MM-dd]
 * java -jar shortener-local.jar inspect &lt;code&gt;
 * java -jar shortener-local.jar api-key [--owner &lt;id&gt;]
 * </pre>
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar shortener-local.jar [command] [--port N] [--data DIR]
              serve                  (default) the API and the redirects on http://localhost:PORT
              stats [query...] [--from yyyy-MM-dd] [--to yyyy-MM-dd]
                                     the analytics named queries over DIR/clicks, with DuckDB
              inspect <code>         a code's minting time, worker id and sequence
              api-key [--owner ID]   another API key (while serve is stopped)
            PORT (default 8080) and SHORTENER_DATA (default ./data) work too; the functions' own variables
            (DYNAMODB_ENDPOINT, REDIS_URL, ALLOW_PRIVATE_ADDRESSES, ...) are honoured.""";

    private Main() {}

    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (RunnerException e) {
            System.err.println("error: " + e.getMessage());
            status = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 130;
        } catch (Exception e) {
            System.err.println("error: " + e);
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    static int run(String[] args) throws Exception {
        RunnerSettings settings = RunnerSettings.parse(args, Environment.processVariables());
        return switch (settings.command()) {
            case "serve" -> Serve.run(settings, System.out);
            case "stats" -> Stats.run(settings, System.out, System.err);
            case "inspect" -> Inspect.run(settings, System.out, System.err);
            case "api-key" -> ApiKeyCommand.run(settings, System.out, System.err);
            case "help", "-h", "--help" -> {
                System.out.println(USAGE);
                yield 0;
            }
            default -> {
                System.err.println("unknown command '" + settings.command() + "'\n" + USAGE);
                yield 2;
            }
        };
    }
}
