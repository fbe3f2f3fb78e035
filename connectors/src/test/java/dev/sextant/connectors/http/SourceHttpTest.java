package dev.sextant.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SourceHttpTest {

    /** A scripted answer: status, headers, body; served in order, the last one repeated. */
    private record Answer(int status, Map<String, String> headers, String body, long delayMillis) {
        static Answer of(int status, String body, String... headers) {
            Map<String, String> h = new java.util.LinkedHashMap<>();
            for (int i = 0; i < headers.length; i += 2) {
                h.put(headers[i], headers[i + 1]);
            }
            return new Answer(status, h, body, 0);
        }
    }

    private HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Map<String, String>> requests = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final List<Duration> slept = new ArrayList<>();
    private final List<Instant> waits = new ArrayList<>();
    private Instant now = Instant.parse("2026-12-01T12:00:00Z");

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            Answer answer;
            synchronized (script) {
                Map<String, String> seen = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((k, v) -> seen.put(k, v.getFirst()));
                requests.add(seen);
                answer = script.size() > 1 ? script.poll() : script.peek();
            }
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = answer.body().getBytes();
            exchange.sendResponseHeaders(answer.status(), answer.status() == 304 ? -1 : body.length);
            if (answer.status() != 304) {
                exchange.getResponseBody().write(body);
            }
            inFlight.decrementAndGet();
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private SourceHttp http(HttpSettings settings) {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        HttpObserver observer = new HttpObserver() {
            @Override
            public void waitingForRateLimit(Instant until, String reason) {
                waits.add(until);
            }
        };
        return new SourceHttp(HttpClient.newHttpClient(), settings, RateLimitRule.standard(), observer, clock,
                d -> {
                    slept.add(d);
                    now = now.plus(d);
                }, RandomGenerator.of("L64X128MixRandom"));
    }

    /** A generous timeout: on a loaded machine a retried timeout would consume a scripted answer. */
    private static final HttpSettings SETTINGS = HttpSettings.DEFAULTS.withRequestTimeout(Duration.ofSeconds(20));

    @Test
    void serverErrorsAreRetriedWithGrowingJitteredBackoffsThenReturned() throws Exception {
        script.add(Answer.of(502, "bad gateway"));
        script.add(Answer.of(500, "oops"));
        script.add(Answer.of(200, "fine"));
        assertThat(http(SETTINGS).get(uri("/a")).text()).isEqualTo("fine");
        assertThat(slept).hasSize(2).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(2)));

        script.clear();
        script.add(Answer.of(500, "always"));
        SourceResponse last = http(SETTINGS).get(uri("/b"));
        assertThat(last.status()).isEqualTo(500);
        assertThat(requests).hasSize(3 + SETTINGS.maxAttempts());
        assertThatThrownBy(last::requireOk).isInstanceOf(SourceHttpException.class).hasMessageContaining("HTTP 500")
                .hasMessageContaining("always");
    }

    @Test
    void retryAfterInSecondsOrAsADateIsWaitedOut() throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now.plusSeconds(30),
                ZoneOffset.UTC));
        script.add(Answer.of(429, "slow down", "Retry-After", "7"));
        script.add(Answer.of(429, "slow down", "Retry-After", date));
        script.add(Answer.of(200, "ok"));
        Instant start = now;
        assertThat(http(SETTINGS).get(uri("/")).ok()).isTrue();
        assertThat(waits).containsExactly(start.plusSeconds(7), start.plusSeconds(30));
    }

    @Test
    void aRetryAfterTooLongToBeANumberIsBackedOffFrom() throws Exception {
        script.add(Answer.of(429, "slow down", "Retry-After", "9".repeat(25)));
        script.add(Answer.of(200, "ok"));
        assertThat(http(SETTINGS).get(uri("/")).ok()).isTrue();
        assertThat(waits).hasSize(1);
        assertThat(waits.getFirst()).isBefore(Instant.parse("2026-12-01T12:01:00Z"));
    }

    @Test
    void aResetBeyondTheInlineWaitStopsWithTheResetTime() {
        long reset = now.plus(Duration.ofHours(1)).getEpochSecond();
        script.add(Answer.of(403, "{\"message\":\"API rate limit exceeded\"}", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", Long.toString(reset)));
        assertThatThrownBy(() -> http(SETTINGS).get(uri("/")))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.until()).isEqualTo(Instant.ofEpochSecond(reset)))
                .hasMessageContaining("X-RateLimit-Remaining: 0");
        assertThat(requests).hasSize(1);
    }

    @Test
    void aSpentBudgetHoldsTheNextRequestUntilTheReset() throws Exception {
        script.add(Answer.of(200, "last one", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset",
                Long.toString(now.plusSeconds(40).getEpochSecond())));
        script.add(Answer.of(200, "next"));
        SourceHttp http = http(SETTINGS);
        Instant reset = now.plusSeconds(40);
        http.get(uri("/1"));
        assertThat(waits).isEmpty();
        assertThat(http.get(uri("/2")).text()).isEqualTo("next");
        assertThat(waits).containsExactly(reset);
    }

    @Test
    void aForbiddenThatIsNoRateLimitComesBackAsItIs() throws Exception {
        script.add(Answer.of(403, "{\"message\":\"Resource not accessible\"}", "X-RateLimit-Remaining", "4999"));
        assertThat(http(SETTINGS).get(uri("/")).status()).isEqualTo(403);
        assertThat(requests).hasSize(1);
    }

    @Test
    void timeoutsAreRetriedThenReportedWithTheHost() {
        script.add(new Answer(200, Map.of(), "late", 2_000));
        HttpSettings twoTries = new HttpSettings(Duration.ofSeconds(1), Duration.ofMillis(200), 2,
                Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMinutes(1), 2, "test");
        assertThatThrownBy(() -> http(twoTries).get(uri("/slow")))
                .isInstanceOf(IOException.class).hasMessageContaining("127.0.0.1/slow timed out")
                .hasMessageContaining("after 2 attempts");
    }

    @Test
    void noMoreThanTheCapAreInFlightAtOnce() throws Exception {
        script.add(new Answer(200, Map.of(), "ok", 100));
        SourceHttp http = http(SETTINGS.withMaxConcurrent(2));
        List<CompletableFuture<SourceResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return http.get(uri("/c"));
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        calls.forEach(CompletableFuture::join);
        assertThat(maxInFlight.get()).isEqualTo(2);
    }

    @Test
    void anETagIsRevalidatedAndA304GivesTheCachedBody() throws Exception {
        script.add(Answer.of(200, "tree v1", "ETag", "\"abc\""));
        script.add(Answer.of(304, ""));
        SourceHttp http = http(SETTINGS);
        var request = java.net.http.HttpRequest.newBuilder(uri("/tree")).GET().build();
        SourceResponse first = http.sendConditional(request);
        SourceResponse second = http.sendConditional(request);
        assertThat(first.revalidated()).isFalse();
        assertThat(second.revalidated()).isTrue();
        assertThat(second.text()).isEqualTo("tree v1");
        assertThat(requests.get(1)).containsEntry("If-None-Match", "\"abc\"");
    }

    @Test
    void theNextLinkIsFoundAmongOthers() throws Exception {
        script.add(Answer.of(200, "[]", "Link", "<https://api.github.com/repositories/1/issues?page=1>; rel=\"prev\", "
                + "<https://api.github.com/repositories/1/issues?page=3>; rel=\"next\", "
                + "<https://api.github.com/repositories/1/issues?page=5>; rel=\"last\""));
        SourceResponse page = http(SETTINGS).get(uri("/issues"));
        assertThat(LinkHeader.next(page)).contains(URI.create("https://api.github.com/repositories/1/issues?page=3"));
        assertThat(LinkHeader.rel("<https://x/?page=2>; rel=\"first\"", "next")).isEmpty();
    }
}
