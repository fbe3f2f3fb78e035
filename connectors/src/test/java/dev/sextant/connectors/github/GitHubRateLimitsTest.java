package dev.sextant.connectors.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.http.RateLimitRule;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.http.SourceResponse;
import dev.sextant.connectors.sync.DirectoryStore;
import dev.sextant.connectors.sync.SourceSync;
import dev.sextant.connectors.testing.MemoryIndex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** GitHub's secondary limits wait as its documentation asks; its primary limit is the standard rule's. */
class GitHubRateLimitsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static SourceResponse response(int status, Map<String, List<String>> headers, String body) {
        return new SourceResponse(URI.create("https://api.github.com/repos/acme/x"), status,
                HttpHeaders.of(headers, (a, b) -> true), body.getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void aSecondaryLimitWithoutRetryAfterWaitsAMinuteAndWithItAsLongAsItSays() {
        RateLimitRule rule = GitHubRateLimits.rule();
        assertThat(rule.refused(response(403, Map.of(), "{\"message\":\"You have exceeded a secondary rate limit.\"}"),
                NOW)).map(t -> t.until().orElseThrow()).contains(NOW.plusSeconds(60));
        assertThat(rule.refused(response(403, Map.of("retry-after", List.of("90")), "{}"), NOW))
                .map(t -> t.until().orElseThrow()).contains(NOW.plusSeconds(90));
        assertThat(rule.refused(response(429, Map.of(), "{}"), NOW)).map(t -> t.until().orElseThrow())
                .contains(NOW.plusSeconds(60));
    }

    @Test
    void thePrimaryLimitWaitsForItsResetAndAPermissionRefusalIsNoLimit() {
        RateLimitRule rule = GitHubRateLimits.rule();
        long reset = NOW.plusSeconds(1800).getEpochSecond();
        assertThat(rule.refused(response(403, Map.of("x-ratelimit-remaining", List.of("0"),
                "x-ratelimit-reset", List.of(Long.toString(reset))), "{\"message\":\"API rate limit exceeded\"}"), NOW))
                .map(t -> t.until().orElseThrow()).contains(Instant.ofEpochSecond(reset));
        assertThat(rule.exhausted(response(200, Map.of("x-ratelimit-remaining", List.of("0"),
                "x-ratelimit-reset", List.of(Long.toString(reset))), "[]"), NOW)).contains(Instant.ofEpochSecond(reset));
        assertThat(rule.refused(response(403, Map.of("x-ratelimit-remaining", List.of("4999")),
                "{\"message\":\"Resource not accessible by integration\"}"), NOW)).isEmpty();
    }

    @Test
    void aSyncMeetingASecondaryLimitWaitsAtLeastAMinuteThenCompletes() throws Exception {
        try (GitHubFixture fixture = new GitHubFixture(10)) {
            fixture.seed(4);
            List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
            List<Instant> waits = Collections.synchronizedList(new ArrayList<>());
            HttpObserver observer = new HttpObserver() {
                @Override
                public void waitingForRateLimit(Instant until, String reason) {
                    waits.add(until);
                }
            };
            SourceHttp http = new SourceHttp(HttpClient.newHttpClient(), HttpSettings.DEFAULTS
                    .withMaxInlineWait(Duration.ofMinutes(5)), GitHubRateLimits.rule(), observer, Clock.systemUTC(),
                    sleeps::add, RandomGenerator.getDefault());
            fixture.server.secondaryLimitNext(-1);
            MemoryIndex index = new MemoryIndex();
            index.sync(new SourceSync(fixture.connector(http), DirectoryStore.NONE));
            assertThat(waits).hasSize(1);
            assertThat(sleeps).hasSize(1).allMatch(d -> d.compareTo(Duration.ofSeconds(59)) >= 0);
            assertThat(index.documents().keySet()).containsExactlyInAnyOrderElementsOf(fixture.documentIds());
        }
    }
}
