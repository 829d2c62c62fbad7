package dev.shortener.deploycheck;

import dev.shortener.config.Environment;
import dev.shortener.deploycheck.athena.AthenaClickCounts;
import dev.shortener.deploycheck.athena.ClickCounts;
import dev.shortener.deploycheck.checks.CheckContext;
import dev.shortener.deploycheck.checks.CheckSetup;
import dev.shortener.deploycheck.checks.CheckSuite;
import dev.shortener.deploycheck.checks.Outcome;
import dev.shortener.deploycheck.checks.Row;
import dev.shortener.deploycheck.checks.Runner;
import dev.shortener.deploycheck.http.HttpProbe;
import dev.shortener.deploycheck.http.ManagementClient;
import dev.shortener.deploycheck.http.Sleeper;
import dev.shortener.deploycheck.options.CommandLine;
import dev.shortener.deploycheck.options.Settings;
import dev.shortener.deploycheck.report.TablePrinter;
import dev.shortener.deploycheck.stack.StackFacts;
import dev.shortener.deploycheck.stack.StackOutputs;
import dev.shortener.deploycheck.stack.Target;
import java.io.PrintStream;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * The command, wired: options → target (from the stack, or given) → the checks → the table. The AWS clients
 * (CloudFormation only with {@code --stack}, Athena only with a workgroup) use the URL-connection HTTP client, the
 * default credentials chain and {@code --region} or else the SDK's region chain.
 */
public final class DeployCheck {

    /** All checks passed or were skipped. */
    public static final int OK = 0;
    /** At least one check failed. */
    public static final int FAILED = 1;
    /** Bad options: nothing was checked. */
    public static final int USAGE = 2;

    private DeployCheck() {}

    /** Runs the command; the table goes to {@code out}, progress and errors to {@code err}. */
    public static int run(String[] argv, Environment variables, PrintStream out, PrintStream err) {
        Map<String, String> options = CommandLine.parse(argv);
        if (options.containsKey("--help")) {
            out.println(Usage.TEXT);
            return OK;
        }
        Settings settings = Settings.from(options, variables);
        Optional<StackFacts> stack = settings.stack().map(name -> {
            try (CloudFormationClient cloudFormation = cloudFormation(settings)) {
                return StackOutputs.describe(cloudFormation, name);
            }
        });
        Target target = Target.resolve(settings, stack);
        err.println("Checking " + target.shortBase() + " (API " + target.apiBase() + ")"
                + stack.map(facts -> ", stack " + facts.stackName()).orElse(""));
        AthenaClient athena = target.athena().map(ignored -> athena(settings)).orElse(null);
        try {
            Optional<ClickCounts> counts = target.athena()
                    .map(where -> new AthenaClickCounts(
                            athena, where, settings.athenaTimeout(), Sleeper.REAL, InstantSource.system()));
            HttpProbe http = new HttpProbe();
            ManagementClient api = new ManagementClient(http, target.apiBase(), settings.apiKey(), Sleeper.REAL);
            CheckContext context = new CheckContext(new CheckSetup(
                    target,
                    http,
                    api,
                    Sleeper.REAL,
                    InstantSource.system(),
                    settings.destination(),
                    settings.pollInterval()));
            List<Row> rows = new Runner(settings.skipped(), settings.apiKey(), line -> err.println("  " + line))
                    .run(
                            CheckSuite.all(settings.rateLimitBound(), counts, settings.athenaWait(), err::println),
                            context);
            TablePrinter.print(rows, out);
            return rows.stream().anyMatch(row -> row.result().outcome() == Outcome.FAIL) ? FAILED : OK;
        } finally {
            if (athena != null) {
                athena.close();
            }
        }
    }

    private static CloudFormationClient cloudFormation(Settings settings) {
        var builder = CloudFormationClient.builder().httpClient(UrlConnectionHttpClient.create());
        settings.region().map(Region::of).ifPresent(builder::region);
        return builder.build();
    }

    private static AthenaClient athena(Settings settings) {
        var builder = AthenaClient.builder().httpClient(UrlConnectionHttpClient.create());
        settings.region().map(Region::of).ifPresent(builder::region);
        settings.athenaEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
