package dev.shortener.deploycheck.checks;

import dev.shortener.deploycheck.athena.AthenaQueryException;
import dev.shortener.deploycheck.athena.ClickCounts;
import dev.shortener.deploycheck.http.Reply;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * After Firehose's buffer interval ({@code --athena-wait}), one Athena count of people's clicks on the run's live
 * links over the partitions of the run's days, compared with the stats API's {@code clickCount} of each link. Both
 * read the same S3 objects (Athena directly, the stats API through the click-count function), so they must agree,
 * and they must have counted something when this run's GETs reached the origin.
 */
final class AthenaCountCheck implements Check {

    private final Optional<ClickCounts> counts;
    private final Duration wait;
    private final Consumer<String> progress;

    AthenaCountCheck(Optional<ClickCounts> counts, Duration wait, Consumer<String> progress) {
        this.counts = counts;
        this.wait = wait;
        this.progress = progress;
    }

    @Override
    public CheckName name() {
        return CheckName.ATHENA_COUNT;
    }

    @Override
    public Result run(CheckContext context) {
        ClickCounts athena = counts.orElseThrow(() -> new SkipException(
                "no Athena workgroup and database (the stack's AthenaWorkGroup and GlueDatabase outputs, or"
                        + " --athena-workgroup and --athena-database); a local runner has no Athena"));
        Map<String, Integer> originGets = context.originGets();
        if (originGets.isEmpty()) {
            throw new SkipException("no live link of this run to count");
        }
        if (!wait.isZero()) {
            progress.accept("waiting " + wait.toSeconds() + " s for Firehose's buffer interval (--athena-wait)...");
            context.setup().sleeper().sleep(wait);
        }
        Set<LocalDate> days = new LinkedHashSet<>();
        days.add(context.startDay());
        days.add(LocalDate.ofInstant(context.setup().clock().instant(), ZoneOffset.UTC));
        Map<String, Long> counted;
        try {
            counted = athena.count(originGets.keySet(), days);
        } catch (AthenaQueryException e) {
            return Result.fail("Athena: " + e.getMessage());
        }
        List<String> evidence = new ArrayList<>();
        boolean agree = true;
        boolean nothing = false;
        for (Map.Entry<String, Integer> entry : originGets.entrySet()) {
            String code = entry.getKey();
            Reply stats = context.setup().api().stats(code);
            Optional<Long> clickCount = JsonBody.number(stats, "clickCount");
            long inAthena = counted.getOrDefault(code, 0L);
            evidence.add(code + ": Athena " + inAthena + ", stats API "
                    + clickCount.map(String::valueOf).orElse(stats.summary()) + ", origin GETs " + entry.getValue());
            agree &= clickCount.isPresent() && clickCount.get() == inAthena;
            nothing |= entry.getValue() > 0 && inAthena == 0;
        }
        String text = String.join("; ", evidence) + " (dt " + days + ")";
        if (!agree) {
            return Result.fail(text);
        }
        if (nothing) {
            return Result.fail(text + ": no clicks arrived yet; wait longer (--athena-wait)");
        }
        return Result.pass(text);
    }
}
