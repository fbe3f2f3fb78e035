package dev.sextant.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sextant.bench.UsageException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load run against a tiny in-process server that signs users in like Sextant and answers each account
 * differently: alice 200, bob 503, carol slower than the request timeout, admin by dropping the connection.
 */
class LoadRunTest {

    private HttpServer server;
    private final AtomicInteger searches = new AtomicInteger();
    private final Map<String, AtomicInteger> searchesByAccount = new ConcurrentHashMap<>();
    private final Map<String, String> offsets = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/j_security_check", this::signIn);
        server.createContext("/api/search", this::search);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void signIn(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean origin = exchange.getRequestHeaders().containsKey("Origin");
        String user = form.replaceAll(".*j_username=([^&]*).*", "$1");
        if (!origin && form.contains("j_password=demo") && !user.equals("mallory")) {
            exchange.getResponseHeaders().add("Set-Cookie", "sextant-session=token-" + user + "; Path=/; HttpOnly");
            exchange.getResponseHeaders().add("Location", "/");
        } else {
            exchange.getResponseHeaders().add("Location", "/?login=failed");
        }
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void search(HttpExchange exchange) throws IOException {
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        String account = cookie == null ? "nobody" : cookie.replace("sextant-session=token-", "");
        searches.incrementAndGet();
        searchesByAccount.computeIfAbsent(account, a -> new AtomicInteger()).incrementAndGet();
        String query = exchange.getRequestURI().getRawQuery();
        offsets.put(query.replaceAll(".*offset=(\\d+).*", "$1"), account);
        switch (account) {
            case "alice" -> respond(exchange, 200, "{\"total\":1,\"hits\":[]}");
            case "bob" -> respond(exchange, 503, "{\"error\":\"busy\"}");
            case "carol" -> {
                try {
                    Thread.sleep(400);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                respond(exchange, 200, "{}");
            }
            default -> exchange.close(); // no status line: the connection breaks
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private LoadSettings settings(int users, int seconds, int cap, Path out) {
        return new LoadSettings(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), users,
                Duration.ofSeconds(seconds), cap, Duration.ofMillis(150), LoadSettings.DEMO_ACCOUNTS, "demo", out);
    }

    @Test
    void countsEveryRequestTheServerSawAndClassifiesEachFailure(@TempDir Path dir) throws Exception {
        LoadSettings settings = settings(4, 1, 40, dir.resolve("report.json"));

        LoadRun.Result result = new LoadRun(settings).run();

        LoadRecorder recorder = result.recorder();
        assertThat(recorder.ok()).isEqualTo(searchesByAccount.get("alice").get());
        Map<String, Long> errors = recorder.errors();
        assertThat(errors.keySet()).containsExactly("connection", "status_503", "timeout");
        assertThat(errors.get("status_503")).isEqualTo(searchesByAccount.get("bob").get());
        assertThat(errors.get("timeout")).isEqualTo(searchesByAccount.get("carol").get());
        // The JDK client sends a GET again, once, when a kept-alive connection closes before the answer.
        int dropped = searchesByAccount.get("admin").get();
        assertThat(errors.get("connection")).isPositive().isBetween((dropped + 1L) / 2, (long) dropped);
        assertThat(recorder.requests()).isEqualTo(recorder.ok() + errors.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(searches.get() - dropped + errors.get("connection"));
        assertThat(recorder.latencies().getTotalCount()).isEqualTo(recorder.ok());
        assertThat(offsets).containsKeys("0", "10", "20");
    }

    @Test
    void eachUserStopsAtItsCapBeforeTheTime(@TempDir Path dir) throws Exception {
        long started = System.nanoTime();

        LoadRun.Result result = new LoadRun(settings(2, 30, 5, dir.resolve("report.json"))).run();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(result.recorder().requests()).isEqualTo(10);
        assertThat(searchesByAccount.get("alice").get()).isEqualTo(5);
        assertThat(searchesByAccount.get("bob").get()).isEqualTo(5);
    }

    @Test
    void reportHasTheSettingsMachineRateLatenciesAndErrors(@TempDir Path dir) throws Exception {
        LoadSettings settings = settings(4, 1, 40, dir.resolve("out/report.json"));
        LoadRun.Result result = new LoadRun(settings).run();

        ObjectNode report = LoadReport.of(settings, result, Instant.parse("2026-12-01T21:00:00Z"));
        LoadReport.write(report, settings.out());

        JsonNode json = new ObjectMapper().readTree(Files.readString(settings.out()));
        assertThat(json.get("date").asText()).isEqualTo("2026-12-01T21:00:00Z");
        assertThat(json.at("/settings/users").asInt()).isEqualTo(4);
        assertThat(json.at("/settings/seconds").asInt()).isEqualTo(1);
        assertThat(json.at("/settings/accounts").toString()).isEqualTo("[\"alice\",\"bob\",\"carol\",\"admin\"]");
        assertThat(json.at("/machine/cpus").asInt()).isPositive();
        assertThat(json.at("/machine/java").asText()).isNotBlank();
        long requests = json.get("requests").asLong();
        assertThat(requests).isPositive().isLessThanOrEqualTo(searches.get());
        assertThat(json.get("requests_per_second").asDouble())
                .isCloseTo(requests / json.get("elapsed_s").asDouble(), org.assertj.core.data.Offset.offset(0.1));
        JsonNode latency = json.get("latency_ms");
        assertThat(latency.get("count").asLong()).isEqualTo(json.get("ok").asLong()).isPositive();
        double p50 = latency.get("p50").asDouble();
        assertThat(p50).isPositive().isLessThanOrEqualTo(latency.get("p95").asDouble());
        assertThat(latency.get("p95").asDouble()).isLessThanOrEqualTo(latency.get("p99").asDouble());
        assertThat(latency.get("p99").asDouble()).isLessThanOrEqualTo(latency.get("max").asDouble());
        long errorSum = 0;
        for (String kind : List.of("status_503", "timeout", "connection")) {
            assertThat(json.at("/errors/" + kind).asLong()).as(kind).isPositive();
            errorSum += json.at("/errors/" + kind).asLong();
        }
        assertThat(json.get("error_total").asLong()).isEqualTo(errorSum).isEqualTo(requests - json.get("ok").asLong());
    }

    @Test
    void aRefusedSignInEndsTheRunWithTheAccountsName(@TempDir Path dir) {
        LoadSettings settings = new LoadSettings(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), 2,
                Duration.ofSeconds(1), 5, Duration.ofMillis(500), List.of("alice", "mallory"), "demo", dir.resolve("r.json"));

        assertThatThrownBy(() -> new LoadRun(settings).run())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("sign-in as mallory refused");
        assertThat(searches.get()).isZero();
    }

    @Test
    void noServerEndsTheRunSayingWhere(@TempDir Path dir) {
        int port = server.getAddress().getPort();
        server.stop(0);
        LoadSettings settings = new LoadSettings(URI.create("http://127.0.0.1:" + port), 1, Duration.ofSeconds(1), 5,
                Duration.ofMillis(500), LoadSettings.DEMO_ACCOUNTS, "demo", dir.resolve("r.json"));

        assertThatThrownBy(() -> new LoadRun(settings).run())
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("sign-in as alice at http://127.0.0.1:" + port + " failed: ");
    }

    @Test
    void refusesTargetsOffThisMachineAndBadArguments() {
        assertThatThrownBy(() -> LoadCommand.parse(new String[] {"--url", "http://192.0.2.1:8080", "--out", "r.json"}))
                .isInstanceOf(UsageException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> LoadCommand.parse(new String[] {"--users", "0", "--out", "r.json"}))
                .isInstanceOf(UsageException.class).hasMessageContaining("--users");
        assertThatThrownBy(() -> LoadCommand.parse(new String[] {"--users", "3"}))
                .isInstanceOf(UsageException.class).hasMessageContaining("--out is required");
        LoadSettings parsed = LoadCommand.parse(new String[] {"--url", "http://localhost:1", "--users", "5",
                "--seconds", "2", "--out", "r.json"});
        assertThat(parsed.account(4)).isEqualTo("alice");
        assertThat(parsed.maxRequestsPerUser()).isEqualTo(2000);
    }

    @Test
    void workloadMixesTheFourKindsAndThreePages() {
        Workload workload = new Workload();
        var kinds = new java.util.HashSet<Workload.Kind>();
        var pages = new java.util.HashSet<Integer>();
        for (int n = 0; n < 24; n++) {
            Workload.Request request = workload.request(1, n);
            kinds.add(request.kind());
            pages.add(request.offset());
        }
        assertThat(kinds).containsExactlyInAnyOrder(Workload.Kind.values());
        assertThat(pages).containsExactlyInAnyOrder(0, 10, 20);
        assertThat(workload.request(3, 7)).isEqualTo(workload.request(3, 7));
        assertThat(new Workload.Request(Workload.Kind.PHRASE, "\"a b\"", 10).pathAndQuery())
                .isEqualTo("/api/search?q=%22a+b%22&limit=10&offset=10");
    }
}
