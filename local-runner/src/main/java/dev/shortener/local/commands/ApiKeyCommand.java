package dev.shortener.local.commands;

import dev.shortener.local.Backends;
import dev.shortener.local.DataFolder;
import dev.shortener.local.RunnerSettings;
import java.io.PrintStream;

/**
 * {@code api-key [--owner <id>]}: another API key, in the data folder's table. dynalite keeps one process per data
 * folder, so run it while {@code serve} is stopped (or with {@code DYNAMODB_ENDPOINT} set to a running one).
 */
public final class ApiKeyCommand {

    private ApiKeyCommand() {}

    public static int run(RunnerSettings settings, PrintStream out, PrintStream err) {
        String owner = ApiKeys.LOCAL_OWNER;
        var args = settings.args();
        if (args.size() == 2 && args.get(0).equals("--owner")) {
            owner = args.get(1);
        } else if (!args.isEmpty()) {
            err.println("usage: api-key [--owner <id>]   (default owner: " + ApiKeys.LOCAL_OWNER
                    + ", the first key's, so it sees the same links)");
            return 2;
        }
        try (Backends backends = Backends.start(settings, DataFolder.prepare(settings.data()), false, err)) {
            String key = ApiKeys.create(backends.linksTable(), owner);
            out.println("API key (shown only now): " + key);
            out.println("owner: " + owner);
        }
        return 0;
    }
}
