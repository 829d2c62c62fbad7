package dev.shortener.deploycheck.checks;

import dev.shortener.deploycheck.http.HttpProbe;
import dev.shortener.deploycheck.http.ManagementClient;
import dev.shortener.deploycheck.http.Sleeper;
import dev.shortener.deploycheck.stack.Target;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;

/**
 * What a run of the checks is given and never changes: what is checked, the clients, the clock and how to wait, and
 * the settings the checks read. What the checks learn as they run is in {@link CheckContext}.
 *
 * @param destination  the base of the run's links' destinations ({@code --destination})
 * @param pollInterval how long to wait between polls of a changing answer ({@code --poll-seconds})
 */
public record CheckSetup(
        Target target,
        HttpProbe http,
        ManagementClient api,
        Sleeper sleeper,
        InstantSource clock,
        URI destination,
        Duration pollInterval) {}
