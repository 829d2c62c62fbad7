package dev.shortener.redirect;

import dev.shortener.analytics.Click;
import dev.shortener.analytics.ClickSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the handler hands off; clicks are not the subject of these tests. */
final class RecordingClickSink implements ClickSink {

    final List<Click> clicks = new CopyOnWriteArrayList<>();
    final List<Duration> freezeBudgets = new CopyOnWriteArrayList<>();

    @Override
    public void record(Click click) {
        clicks.add(click);
    }

    @Override
    public void beforeFreeze(Duration budget) {
        freezeBudgets.add(budget);
    }
}
