package dev.sextant.gateway.sources;

import dev.sextant.connectors.http.HttpObserver;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What one run did, counted while it runs: the documents (from {@link RecordingSession}), the HTTP layer's requests
 * and rate-limit waits (as its {@link HttpObserver}), skipped items and errors, of which the latest
 * {@value #KEPT_ITEMS} of each are kept. A wait for a rate limit is also told to {@code activity}, for the status.
 */
public final class RunRecorder implements HttpObserver {

    static final int KEPT_ITEMS = 200;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A skipped item or an error: where, and why. */
    public record Item(String location, String reason) {
    }

    final AtomicInteger added = new AtomicInteger();
    final AtomicInteger updated = new AtomicInteger();
    final AtomicInteger deleted = new AtomicInteger();
    final AtomicInteger aclUpdated = new AtomicInteger();
    final AtomicInteger unchanged = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger rateLimitWaits = new AtomicInteger();
    private final AtomicInteger skippedCount = new AtomicInteger();
    private final AtomicInteger errorCount = new AtomicInteger();
    private final Deque<Item> skipped = new ArrayDeque<>();
    private final Deque<Item> errors = new ArrayDeque<>();
    private final Consumer<String> activity;

    public RunRecorder(Consumer<String> activity) {
        this.activity = activity;
    }

    @Override
    public void requested() {
        requests.incrementAndGet();
        activity.accept(null);
    }

    @Override
    public void waitingForRateLimit(Instant until, String reason) {
        rateLimitWaits.incrementAndGet();
        activity.accept("waiting for the " + reason + " until " + CLOCK.format(until));
    }

    @Override
    public void retrying(int attempt, Duration backoff, String reason) {
        error("http", reason + "; retry " + attempt + " in " + backoff.toMillis() + " ms");
    }

    void skip(String location, String reason) {
        skippedCount.incrementAndGet();
        keep(skipped, new Item(location, reason));
    }

    public void error(String location, String reason) {
        errorCount.incrementAndGet();
        keep(errors, new Item(location, reason));
    }

    int skippedCount() {
        return skippedCount.get();
    }

    int errorCount() {
        return errorCount.get();
    }

    synchronized List<Item> skipped() {
        return List.copyOf(skipped);
    }

    synchronized List<Item> errors() {
        return List.copyOf(errors);
    }

    private synchronized void keep(Deque<Item> items, Item item) {
        items.addLast(item);
        if (items.size() > KEPT_ITEMS) {
            items.removeFirst();
        }
    }
}
