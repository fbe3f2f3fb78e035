package dev.sextant.gateway.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRecorderTest {

    @Test
    void theHttpLayersRequestsWaitsAndRetriesFeedTheRunAndTheStatus() {
        List<String> activity = new ArrayList<>();
        RunRecorder recorder = new RunRecorder(activity::add);

        recorder.requested();
        recorder.waitingForRateLimit(Instant.parse("2026-12-01T14:03:00Z"), "rate limit of api.github.com spent");
        recorder.retrying(1, Duration.ofMillis(250), "HTTP 502 from api.github.com");
        recorder.requested();

        assertThat(recorder.requests.get()).isEqualTo(2);
        assertThat(recorder.rateLimitWaits.get()).isEqualTo(1);
        assertThat(activity).containsExactly(null,
                "waiting for the rate limit of api.github.com spent until 14:03:00 UTC", null);
        assertThat(recorder.errors()).containsExactly(new RunRecorder.Item("http",
                "HTTP 502 from api.github.com; retry 1 in 250 ms"));
    }

    @Test
    void onlyTheLatestItemsAreKeptButAllAreCounted() {
        RunRecorder recorder = new RunRecorder(a -> { });
        for (int i = 0; i < RunRecorder.KEPT_ITEMS + 50; i++) {
            recorder.skip("doc-" + i, "too large");
        }
        assertThat(recorder.skippedCount()).isEqualTo(RunRecorder.KEPT_ITEMS + 50);
        assertThat(recorder.skipped()).hasSize(RunRecorder.KEPT_ITEMS);
        assertThat(recorder.skipped().get(0).location()).isEqualTo("doc-50");
    }
}
