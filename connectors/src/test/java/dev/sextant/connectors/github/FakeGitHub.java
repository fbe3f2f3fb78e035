package dev.sextant.connectors.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A local GitHub REST API (served under {@code /api/v3/}, as GitHub Enterprise Server does) over one
 * {@link FakeGitHubOrg}, speaking the documented protocol: {@code Authorization: Bearer} with a personal token
 * (answered with {@code X-OAuth-Scopes}), an App JWT (RS256, verified with the app's public key, refused when expired)
 * or an installation token (refused once expired); {@code per_page}/{@code page} paging with {@code Link} headers;
 * ETags with 304 for {@code If-None-Match}; the rate-limit headers; and GitHub's error bodies
 * ({@code {"message": ..., "documentation_url": ...}}). Tests can make it refuse requests the ways GitHub does:
 * a primary limit (403, {@code x-ratelimit-remaining: 0}, {@code x-ratelimit-reset}), a secondary limit (403 with
 * {@code retry-after}, or the body alone), 5xx, and requests that hang.
 */
public final class FakeGitHub implements AutoCloseable {

    static final String DOCS = "https://docs.github.com/rest";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final FakeGitHubOrg org;
    private final FakeGitHubRoutes routes;
    final int maxPerPage;
    final Map<String, String> tokens = new ConcurrentHashMap<>();
    final Map<String, Instant> installationTokens = new ConcurrentHashMap<>();
    volatile Duration installationTokenLifetime = Duration.ofHours(1);
    /** GitHub's clock, for JWT and installation token lifetimes. */
    volatile Clock clock = Clock.systemUTC();
    volatile int treeEntryLimit = 100_000;
    volatile String appId;
    volatile PublicKey appKey;
    volatile long installationId;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();
    private final AtomicInteger blobReads = new AtomicInteger();
    private final AtomicInteger tokenExchanges = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger stalls = new AtomicInteger();
    private volatile int failureStatus;
    private volatile long primaryResetIn = -1;
    private volatile long secondaryRetryAfter = Long.MIN_VALUE;

    /** A server for organisation {@code org}, capping {@code per_page} at {@code maxPerPage} (GitHub: 100). */
    public FakeGitHub(String org, int maxPerPage) throws IOException {
        this.org = new FakeGitHubOrg(org);
        this.maxPerPage = maxPerPage;
        this.routes = new FakeGitHubRoutes(this, this.org);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    /** The API base URL, as a GitHub Enterprise Server's {@code https://HOST/api/v3/}. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v3/");
    }

    /** Changes the organisation under the server's lock. */
    public synchronized void edit(Consumer<FakeGitHubOrg> change) {
        change.accept(org);
    }

    synchronized <T> T read(Function<FakeGitHubOrg, T> query) {
        return query.apply(org);
    }

    /** A personal access token of {@code login} with these scopes ({@code X-OAuth-Scopes}). */
    public void token(String token, String scopes) {
        tokens.put(token, scopes);
    }

    /** Registers a GitHub App: its id, the public half of its key, and its installation on the organisation. */
    public void app(String id, PublicKey key, long installation) {
        appId = id;
        appKey = key;
        installationId = installation;
    }

    public int requests() {
        return requests.get();
    }

    /** Requests answered 304 Not Modified (which cost GitHub's rate limit nothing). */
    public int notModified() {
        return notModified.get();
    }

    public int blobReads() {
        return blobReads.get();
    }

    public int tokenExchanges() {
        return tokenExchanges.get();
    }

    public void failNext(int count, int status) {
        failureStatus = status;
        failures.set(count);
    }

    public void stallNext(int count) {
        stalls.set(count);
    }

    /** The next request meets the primary limit, resetting in {@code seconds}. */
    public void primaryLimitNext(long seconds) {
        primaryResetIn = seconds;
    }

    /** The next request meets a secondary limit: with {@code retry-after} when {@code retryAfter >= 0}, else none. */
    public void secondaryLimitNext(long retryAfter) {
        secondaryRetryAfter = retryAfter;
    }

    void countBlobRead() {
        blobReads.incrementAndGet();
    }

    void countTokenExchange() {
        tokenExchanges.incrementAndGet();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            if (refused(exchange)) {
                return;
            }
            if (stalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                Thread.sleep(2_000);
            }
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                error(exchange, failureStatus, failureStatus == 503 ? "Service Unavailable" : "Server Error");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (!path.startsWith("/api/v3/")) {
                error(exchange, 404, "Not Found");
                return;
            }
            FakeGitHubRoutes.Reply reply;
            synchronized (this) {
                reply = routes.route(exchange.getRequestMethod(), path.substring("/api/v3/".length()),
                        query(exchange.getRequestURI()), exchange.getRequestHeaders().getFirst("Authorization"));
            }
            send(exchange, reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean refused(HttpExchange exchange) throws IOException {
        long reset = primaryResetIn;
        if (reset >= 0) {
            primaryResetIn = -1;
            long at = Instant.now().plusSeconds(reset).getEpochSecond() + 1;
            exchange.getResponseHeaders().add("x-ratelimit-limit", "5000");
            exchange.getResponseHeaders().add("x-ratelimit-remaining", "0");
            exchange.getResponseHeaders().add("x-ratelimit-used", "5000");
            exchange.getResponseHeaders().add("x-ratelimit-reset", Long.toString(at));
            exchange.getResponseHeaders().add("x-ratelimit-resource", "core");
            error(exchange, 403, "API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help,"
                    + " please include the request ID 0000:0000.");
            return true;
        }
        long retryAfter = secondaryRetryAfter;
        if (retryAfter != Long.MIN_VALUE) {
            secondaryRetryAfter = Long.MIN_VALUE;
            if (retryAfter >= 0) {
                exchange.getResponseHeaders().add("retry-after", Long.toString(retryAfter));
            }
            exchange.getResponseHeaders().add("x-ratelimit-remaining", "4000");
            error(exchange, 403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try"
                    + " again. If you reach out to GitHub Support for help, please include the request ID 0000:0000.");
            return true;
        }
        return false;
    }

    private void send(HttpExchange exchange, FakeGitHubRoutes.Reply reply) throws IOException {
        byte[] body = reply.body() == null ? new byte[0] : JSON.writeValueAsBytes(reply.body());
        var headers = exchange.getResponseHeaders();
        reply.headers().forEach(headers::add);
        headers.add("Content-Type", "application/json; charset=utf-8");
        headers.add("X-GitHub-Media-Type", "github.v3; format=json");
        headers.add("x-ratelimit-limit", "1000000");
        headers.add("x-ratelimit-remaining", Integer.toString(Math.max(1, 1_000_000 - requests.get())));
        headers.add("x-ratelimit-reset", Long.toString(Instant.now().plusSeconds(3600).getEpochSecond()));
        headers.add("x-ratelimit-resource", "core");
        if (reply.status() == 200 && "GET".equals(exchange.getRequestMethod())) {
            String etag = "W/\"" + FakeGitHubOrg.sha1(new String(body, StandardCharsets.UTF_8)) + "\"";
            headers.add("ETag", etag);
            String asked = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (etag.equals(asked)) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
        }
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("documentation_url", DOCS);
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                q.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    /** The {@code Link} header of page {@code page} of {@code pages}, GitHub's way: next, last, first, prev. */
    String link(String path, Map<String, String> query, int page, int pages) {
        List<String> links = new ArrayList<>();
        if (page < pages) {
            links.add(pageUrl(path, query, page + 1) + "; rel=\"next\"");
            links.add(pageUrl(path, query, pages) + "; rel=\"last\"");
        }
        if (page > 1) {
            links.add(pageUrl(path, query, 1) + "; rel=\"first\"");
            links.add(pageUrl(path, query, page - 1) + "; rel=\"prev\"");
        }
        return String.join(", ", links);
    }

    private String pageUrl(String path, Map<String, String> query, int page) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("page", Integer.toString(page));
        StringBuilder url = new StringBuilder("<").append(base()).append(path).append('?');
        q.forEach((k, v) -> url.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                .append('&'));
        url.setLength(url.length() - 1);
        return url.append('>').toString();
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
