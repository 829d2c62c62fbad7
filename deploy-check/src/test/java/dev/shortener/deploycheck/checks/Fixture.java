package dev.shortener.deploycheck.checks;

import dev.shortener.deploycheck.http.HttpProbe;
import dev.shortener.deploycheck.http.ManagementClient;
import dev.shortener.deploycheck.stack.AthenaTarget;
import dev.shortener.deploycheck.stack.Target;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A check context over a {@link FakeShortener}, on a stepped clock, and the rows of running some checks. */
final class Fixture {

    final FakeShortener server;
    final SteppedClock clock = new SteppedClock();
    final CheckContext context;
    final java.util.List<String> progress = new java.util.ArrayList<>();

    Fixture(Function<SteppedClock, FakeShortener> server, Optional<URI> origin, Optional<AthenaTarget> athena) {
        this.server = server.apply(clock);
        URI base = this.server.base();
        Target target =
                new Target(base, URI.create(base + "/api"), origin, Optional.empty(), athena, 60, OptionalInt.empty());
        HttpProbe http = new HttpProbe();
        this.context = new CheckContext(new CheckSetup(
                target,
                http,
                new ManagementClient(http, target.apiBase(), FakeShortener.KEY, clock),
                clock,
                clock,
                URI.create("https://example.com/deploy-check"),
                Duration.ofSeconds(2)));
    }

    static Fixture over(FakeShortener.Settings settings) {
        return new Fixture(
                clock -> {
                    try {
                        FakeShortener server = new FakeShortener(clock);
                        settings.apply(server);
                        return server;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                Optional.empty(),
                Optional.empty());
    }

    /** What a run over a stopped {@link FakeShortener} left: the rows, and the server's record of what it saw. */
    record Ran(Map<CheckName, Result> rows, FakeShortener server, SteppedClock clock) {}

    /** The checks run over a server set up so, which is stopped before the rows are returned. */
    static Ran runOver(FakeShortener.Settings settings, Check... checks) {
        Fixture fixture = over(settings);
        try (fixture.server) {
            return new Ran(fixture.run(checks), fixture.server, fixture.clock);
        }
    }

    /** The checks run as the command runs them (the clean-up row last), by name. */
    Map<CheckName, Result> run(Check... checks) {
        List<Row> rows = new Runner(Set.of(), FakeShortener.KEY, progress::add).run(List.of(checks), context);
        return rows.stream()
                .collect(Collectors.toMap(Row::check, Row::result, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
