package dev.sextant.gateway.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.connectors.http.RateLimitedException;
import java.time.temporal.ChronoUnit;

import dev.sextant.indexer.SyncReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncSchedulerTest {

    private static final Duration LONG = Duration.ofHours(1);

    @TempDir
    Path dir;

    private List<ConfiguredSource> sources;
    private SyncScheduler scheduler;
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

    @BeforeEach
    void twoFolders() throws IOException {
        sources = ConfiguredConnectors.of(Optional.empty(),
                List.of(Files.createDirectory(dir.resolve("alpha")), Files.createDirectory(dir.resolve("beta"))),
                Optional.empty(), 1024);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void runsEverySourceAtStartThenAgainAnIntervalAfterItsLastRunAndNeverTwoAtOnce() throws Exception {
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        scheduler = new SyncScheduler(sources, source -> {
            mostAtOnce.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            Thread.sleep(20);
            concurrent.decrementAndGet();
            return count(source);
        }, Duration.ofMillis(150));
        scheduler.start();

        assertThat(scheduler.awaitFirstRuns(Duration.ofSeconds(5))).isTrue();
        waitFor(() -> runsOf(sources.get(0)) >= 3 && runsOf(sources.get(1)) >= 3);
        assertThat(mostAtOnce.get()).as("syncs running at the same time").isEqualTo(1);
        SourceStatus alpha = scheduler.sources().get(0);
        assertThat(alpha.id()).isEqualTo(sources.get(0).id());
        assertThat(alpha.schedule()).isEqualTo("PT0.15S");
        assertThat(alpha.runs()).isGreaterThanOrEqualTo(3);
        assertThat(alpha.lastRun().ok()).isTrue();
        assertThat(alpha.lastRun().report().connectorId()).isEqualTo(sources.get(0).connector().id());
        assertThat(alpha.lastRun().finished()).isAfterOrEqualTo(alpha.lastRun().started());
    }

    @Test
    void onDemandRunsNowIsRefusedWhileRunningAndIsNeverQueuedTwice() throws Exception {
        CountDownLatch alphaRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        scheduler = new SyncScheduler(sources, source -> {
            if (source == sources.get(0) && runsOf(source) == 0) {
                alphaRunning.countDown();
                release.await();
            }
            return count(source);
        }, LONG);
        String alpha = sources.get(0).id();
        String beta = sources.get(1).id();
        scheduler.start();
        assertThat(alphaRunning.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(scheduler.trigger(alpha)).contains(SyncScheduler.Trigger.RUNNING);
        assertThat(scheduler.trigger(beta)).contains(SyncScheduler.Trigger.ALREADY_QUEUED);
        assertThat(scheduler.sources()).extracting(SourceStatus::state).containsExactly("running", "queued");
        assertThat(scheduler.trigger("fs-nothing-000000")).isEmpty();
        release.countDown();
        assertThat(scheduler.awaitFirstRuns(Duration.ofSeconds(5))).isTrue();
        waitFor(() -> scheduler.sources().stream().allMatch(s -> s.state().equals("idle")));
        assertThat(runsOf(sources.get(1))).as("beta, asked for while queued, ran once").isEqualTo(1);
        assertThat(scheduler.sources().get(1).nextRun()).as("next run an hour away").isAfter(
                Instant.now().plus(Duration.ofMinutes(59)));

        assertThat(scheduler.trigger(beta)).contains(SyncScheduler.Trigger.QUEUED);
        waitFor(() -> runsOf(sources.get(1)) == 2);
        assertThat(runsOf(sources.get(0))).isEqualTo(1);
    }

    @Test
    void aFailedRunIsKeptForTheAdminAndRetriedAtTheNextTick() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Map<String, String> failuresSeenBySecondAttempt = new ConcurrentHashMap<>();
        AtomicReference<SyncRun> runSeenBySecondAttempt = new AtomicReference<>();
        scheduler = new SyncScheduler(sources.subList(0, 1), source -> {
            switch (attempts.incrementAndGet()) {
                case 1 -> throw new IOException("disk on fire");
                case 2 -> {
                    failuresSeenBySecondAttempt.putAll(scheduler.failures());
                    runSeenBySecondAttempt.set(scheduler.sources().get(0).lastRun());
                    throw new StackOverflowError();
                }
                default -> {
                    return count(source);
                }
            }
        }, Duration.ofMillis(100));
        String connectorId = sources.get(0).connector().id();
        scheduler.start();

        waitFor(() -> runsOf(sources.get(0)) == 1);
        assertThat(failuresSeenBySecondAttempt).containsExactly(Map.entry(connectorId, "disk on fire"));
        assertThat(runSeenBySecondAttempt.get().report()).isNull();
        assertThat(runSeenBySecondAttempt.get().ok()).isFalse();
        assertThat(attempts.get()).as("an Error is retried too").isGreaterThanOrEqualTo(3);
        assertThat(scheduler.failures()).isEmpty();
        assertThat(scheduler.lastReports()).containsKey(connectorId);
        assertThat(scheduler.sources().get(0).lastRun().ok()).isTrue();
    }

    @Test
    void stopInterruptsTheRunningSyncAndWaitsUntilItHasEnded() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean ended = new AtomicBoolean();
        scheduler = new SyncScheduler(sources.subList(0, 1), source -> {
            running.countDown();
            try {
                Thread.sleep(60_000);
                return count(source);
            } catch (InterruptedException e) {
                throw new RuntimeException(e); // as the embedding model does
            } finally {
                sleepUninterruptibly(300); // the batch in flight finishes before the sync gives up
                ended.set(true);
            }
        }, LONG);
        scheduler.start();
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(scheduler.stop(Duration.ofSeconds(5))).as("stopped in time").isTrue();
        assertThat(ended).as("the sync had ended when stop returned").isTrue();
        SyncRun run = scheduler.sources().get(0).lastRun();
        assertThat(run.failure()).as("a wrapped interrupt is no failure").startsWith("interrupted");
        assertThat(scheduler.sources().get(0).nextRun()).as("no run after shutdown").isNull();
        assertThat(scheduler.trigger(sources.get(0).id())).contains(SyncScheduler.Trigger.STOPPING);
    }

    @Test
    void stopGivesUpAfterTheTimeoutWhenTheSyncIgnoresTheInterrupt() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        scheduler = new SyncScheduler(sources.subList(0, 1), source -> {
            running.countDown();
            sleepUninterruptibly(1_500);
            return count(source);
        }, LONG);
        scheduler.start();
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(scheduler.stop(Duration.ofMillis(100))).isFalse();
    }

    @Test
    void aRateLimitPausesTheSourceUntilItsResetAndItRunsAgainThen() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Instant reset = Instant.now().plusMillis(600);
        scheduler = new SyncScheduler(sources.subList(0, 1), source -> {
            if (attempts.incrementAndGet() == 1) {
                throw new RateLimitedException(reset, "rate limit of api.example.com spent");
            }
            return count(source);
        }, LONG);
        scheduler.start();

        waitFor(() -> scheduler.sources().get(0).runs() == 1 && scheduler.sources().get(0).state().equals("rate_limited"));
        SourceStatus limited = scheduler.sources().get(0);
        assertThat(limited.pausedUntil()).isEqualTo(reset);
        assertThat(limited.nextRun()).isCloseTo(reset, within(100, ChronoUnit.MILLIS));
        assertThat(limited.lastRun().ok()).as("a rate limit is no failure").isTrue();
        assertThat(limited.lastRun().rateLimitedUntil()).isEqualTo(reset);
        assertThat(scheduler.failures()).isEmpty();

        waitFor(() -> runsOf(sources.get(0)) == 1);
        assertThat(Instant.now()).as("ran again at the reset, not an interval later").isAfterOrEqualTo(reset);
        waitFor(() -> scheduler.sources().get(0).state().equals("idle"));
        assertThat(scheduler.sources().get(0).pausedUntil()).isNull();
    }

    @Test
    void aPausedSourceRunsNeitherOnScheduleNorOnDemandUntilResumed() throws Exception {
        scheduler = new SyncScheduler(List.of(), this::count, LONG);
        ConfiguredSource stored = new ConfiguredSource("notes", "notes", null, sources.get(0).connector());
        scheduler.add(stored, Duration.ofMillis(50), true, null);
        scheduler.start();
        Thread.sleep(200);
        assertThat(runsOf(stored)).isZero();
        assertThat(scheduler.sources()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo("paused");
            assertThat(s.stored()).isTrue();
            assertThat(s.schedule()).isEqualTo("PT0.05S");
        });
        assertThat(scheduler.trigger("notes")).contains(SyncScheduler.Trigger.PAUSED);

        assertThat(scheduler.resume("notes")).contains(SyncScheduler.Trigger.QUEUED);
        waitFor(() -> runsOf(stored) >= 2);
        assertThat(scheduler.pause("notes")).contains(true);
        int paused = runsOf(stored);
        Thread.sleep(200);
        assertThat(runsOf(stored)).as("no run after the pause").isLessThanOrEqualTo(paused + 1);
        assertThat(scheduler.remove("notes")).contains(true);
        assertThat(scheduler.sources()).isEmpty();
        assertThat(scheduler.trigger("notes")).isEmpty();
    }

    @Test
    void aStoredSourceIsNotRemovedWhileItRunsAndAddedOnesDoNotCountAsFirstRuns() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        scheduler = new SyncScheduler(List.of(), source -> {
            running.countDown();
            release.await();
            return count(source);
        }, LONG);
        scheduler.start();
        assertThat(scheduler.awaitFirstRuns(Duration.ZERO)).as("no configured source to wait for").isTrue();
        scheduler.add(new ConfiguredSource("notes", "notes", null, sources.get(0).connector()), LONG, false, null);
        assertThatThrownBy(() -> scheduler.add(new ConfiguredSource("notes", "notes", null,
                sources.get(0).connector()), LONG, false, null)).hasMessageContaining("exists already");
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(scheduler.remove("notes")).contains(false);
        release.countDown();
        waitFor(() -> scheduler.sources().get(0).state().equals("idle"));
        assertThat(scheduler.remove("notes")).contains(true);
    }

    @Test
    void anIntervalMustBePositive() {
        assertThatThrownBy(() -> new SyncScheduler(sources, this::count, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sextant.sync.interval");
    }

    private SyncReport count(ConfiguredSource source) {
        runs.computeIfAbsent(source.id(), k -> new AtomicInteger()).incrementAndGet();
        return new SyncReport(source.connector().id(), 0, 0, 0, 0, 0, 0, List.of(), Duration.ZERO, Duration.ZERO);
    }

    private int runsOf(ConfiguredSource source) {
        AtomicInteger n = runs.get(source.id());
        return n == null ? 0 : n.get();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static void sleepUninterruptibly(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        boolean interrupted = false;
        for (long left = millis; left > 0; left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
