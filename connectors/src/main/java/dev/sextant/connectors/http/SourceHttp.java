package dev.sextant.connectors.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.random.RandomGenerator;

/**
 * One source's HTTP client. Every request gets the timeouts, a place under the source's concurrency cap, and
 * retries: network errors, timeouts and 5xx back off exponentially with full jitter; rate-limit refusals wait
 * until the time the source names (or back off when it names none). A budget the source says is spent holds the
 * next request until its reset. A wait longer than {@link HttpSettings#maxInlineWait()} ends the request with
 * {@link RateLimitedException}, so that the sync stops with what it committed and the source is paused. Other
 * 4xx come back as they are, for the connector to read.
 */
public final class SourceHttp {

    private static final long ETAG_CACHE_BYTES = 64L * 1024 * 1024;

    private final HttpClient client;
    private final HttpSettings settings;
    private final RateLimitRule rules;
    private final HttpObserver observer;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Semaphore inFlight;
    private final ETagCache etags = new ETagCache(ETAG_CACHE_BYTES);
    private volatile Instant heldUntil = Instant.MIN;
    private volatile String heldBecause = "";

    public SourceHttp(HttpClient client, HttpSettings settings, RateLimitRule rules, HttpObserver observer,
                      Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.client = client;
        this.settings = settings;
        this.rules = rules;
        this.observer = observer;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.inFlight = new Semaphore(settings.maxConcurrent(), true);
    }

    /** A client with the JDK's {@link HttpClient}, the system clock and real sleeps. */
    public static SourceHttp create(HttpSettings settings, RateLimitRule rules, HttpObserver observer) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        return new SourceHttp(client, settings, rules, observer, Clock.systemUTC(), Sleeper.SYSTEM,
                RandomGenerator.getDefault());
    }

    /** A GET with these headers (name, value, name, value...). */
    public SourceResponse get(URI uri, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /**
     * Like {@link #send}, asking {@code If-None-Match} with the ETag of the last body seen for this URI; a 304 comes
     * back as that body with {@link SourceResponse#revalidated()} set.
     */
    public SourceResponse sendConditional(HttpRequest request) throws IOException, InterruptedException {
        Optional<ETagCache.Entry> cached = etags.get(request.uri());
        HttpRequest conditional = cached.map(c -> HttpRequest.newBuilder(request, (n, v) -> true)
                .setHeader("If-None-Match", c.etag()).build()).orElse(request);
        SourceResponse response = send(conditional);
        if (response.status() == 304 && cached.isPresent()) {
            return new SourceResponse(response.uri(), 200, cached.get().headers(), cached.get().body(), true);
        }
        if (response.ok()) {
            response.header("ETag").ifPresent(etag ->
                    etags.put(request.uri(), new ETagCache.Entry(etag, response.headers(), response.body())));
        }
        return response;
    }

    public SourceResponse send(HttpRequest request) throws IOException, InterruptedException {
        HttpRequest timed = HttpRequest.newBuilder(request, (n, v) -> true)
                .timeout(request.timeout().orElse(settings.requestTimeout()))
                .setHeader("User-Agent", settings.userAgent()).build();
        for (int attempt = 1; ; attempt++) {
            awaitHold();
            SourceResponse response;
            try {
                response = exchange(timed);
            } catch (IOException e) {
                retryOrThrow(attempt, e, describe(timed, e));
                continue;
            }
            Instant now = clock.instant();
            rules.exhausted(response, now).ifPresent(until -> hold(until, "rate limit of " + timed.uri().getHost()
                    + " spent"));
            Optional<RateLimitRule.Throttle> throttle = rules.refused(response, now);
            if (throttle.isPresent()) {
                waitOut(attempt, throttle.get());
                continue;
            }
            if (response.status() >= 500 && attempt < settings.maxAttempts()) {
                backOff(attempt, "HTTP " + response.status() + " from " + timed.uri().getHost());
                continue;
            }
            return response;
        }
    }

    private SourceResponse exchange(HttpRequest request) throws IOException, InterruptedException {
        inFlight.acquire();
        try {
            observer.requested();
            HttpResponse<byte[]> raw = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new SourceResponse(raw.uri(), raw.statusCode(), raw.headers(),
                    raw.body() == null ? new byte[0] : raw.body(), false);
        } finally {
            inFlight.release();
        }
    }

    private void retryOrThrow(int attempt, IOException e, String reason) throws IOException, InterruptedException {
        if (attempt >= settings.maxAttempts()) {
            throw new IOException(reason + " (gave up after " + attempt + " attempts)", e);
        }
        backOff(attempt, reason);
    }

    private void backOff(int attempt, String reason) throws InterruptedException {
        Duration wait = backoff(attempt);
        observer.retrying(attempt, wait, reason);
        sleeper.sleep(wait);
    }

    /** Full jitter: uniformly up to {@code base * 2^(attempt-1)}, capped. */
    Duration backoff(int attempt) {
        long cap = Math.min(settings.maxBackoff().toMillis(),
                settings.baseBackoff().toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(cap <= 0 ? 0 : random.nextLong(cap + 1));
    }

    private void waitOut(int attempt, RateLimitRule.Throttle throttle) throws IOException, InterruptedException {
        Instant now = clock.instant();
        Instant until = throttle.until().orElseGet(() -> now.plus(backoff(attempt)));
        if (attempt >= settings.maxAttempts() || Duration.between(now, until).compareTo(settings.maxInlineWait()) > 0) {
            throw new RateLimitedException(until.isAfter(now) ? until : now.plus(settings.maxBackoff()),
                    throttle.reason());
        }
        observer.waitingForRateLimit(until, throttle.reason());
        sleepUntil(until);
    }

    private void hold(Instant until, String reason) {
        heldUntil = until;
        heldBecause = reason;
    }

    private void awaitHold() throws IOException, InterruptedException {
        Instant until = heldUntil;
        Instant now = clock.instant();
        if (!until.isAfter(now)) {
            return;
        }
        if (Duration.between(now, until).compareTo(settings.maxInlineWait()) > 0) {
            throw new RateLimitedException(until, heldBecause);
        }
        observer.waitingForRateLimit(until, heldBecause);
        sleepUntil(until);
    }

    private void sleepUntil(Instant until) throws InterruptedException {
        Duration wait = Duration.between(clock.instant(), until);
        if (!wait.isNegative() && !wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    private static String describe(HttpRequest request, IOException e) {
        String what = e instanceof HttpTimeoutException ? "timed out" : e instanceof ConnectException
                ? "could not connect" : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return request.method() + " " + request.uri().getHost() + request.uri().getPath() + " " + what;
    }
}
