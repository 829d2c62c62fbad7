package dev.shortener.local.commands;

import dev.shortener.config.Environment;
import dev.shortener.local.Backends;
import dev.shortener.local.DataFolder;
import dev.shortener.local.Handlers;
import dev.shortener.local.LocalSecrets;
import dev.shortener.local.RunnerSettings;
import dev.shortener.local.clicks.LocalClickAggregator;
import dev.shortener.local.http.GatewayServer;
import dev.shortener.stats.StatsSettings;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve}: binds the port, starts dynalite and redis-server (or uses the configured endpoints), builds the
 * real handlers and the click aggregation (the click-count function's, over the local click files) and serves
 * until Ctrl-C or SIGTERM, when a shutdown hook stops the server, the clients and every
 * child process.
 */
public final class Serve {

    private Serve() {}

    public static int run(RunnerSettings settings, PrintStream out) throws InterruptedException {
        GatewayServer server = GatewayServer.bind(settings.port());
        DataFolder data;
        Backends backends;
        try {
            data = DataFolder.prepare(settings.data());
            backends = Backends.start(settings, data, true, out);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println("Stopping: HTTP server, clients, redis-server, dynalite...");
                            server.close();
                            backends.close();
                            out.println("Stopped.");
                            out.flush();
                            stopped.countDown();
                        },
                        "runner-shutdown"));

        LocalSecrets secrets = LocalSecrets.loadOrCreate(data.secretsFile());
        Handlers handlers = Handlers.build(settings, data, secrets, backends, server.port());
        backends.own(LocalClickAggregator.create(
                        handlers.clicksRoot(),
                        data.root().resolve("click-aggregation.properties"),
                        backends.linksTable(),
                        StatsSettings.fromEnvironment(Environment.of(handlers.environment())),
                        out))
                .start();
        server.start(handlers.create(), handlers.redirect());
        String base = handlers.environment().get("SHORT_BASE_URL");
        out.println("Clicks:   " + handlers.clicksRoot().resolve("clicks") + " (NDJSON by day; counted into the stats"
                + " API every " + LocalClickAggregator.INTERVAL.toSeconds() + " s)");
        out.println("Serving the shortener at " + base + " (127.0.0.1:" + server.port() + ")");
        if (!data.firstKeyCreated()) {
            String key = ApiKeys.create(backends.linksTable(), ApiKeys.LOCAL_OWNER);
            data.markFirstKeyCreated();
            out.println();
            out.println("API key (shown only now; make another with the api-key command): " + key);
            out.println("Try it:");
            out.println("  curl -i -H 'X-Api-Key: " + key + "' -H 'Content-Type: application/json' \\");
            out.println("       -d '{\"url\":\"https://example.com/\"}' " + base + "/api/links");
            out.println("then open the shortUrl it answers with in a browser.");
        }
        out.println();
        out.println("Ready. Ctrl-C stops it and everything it started.");
        out.flush();
        stopped.await();
        return 0;
    }
}
