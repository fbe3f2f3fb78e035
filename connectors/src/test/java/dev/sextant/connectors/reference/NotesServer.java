package dev.sextant.connectors.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny notes API, the reference source that checks the connector contract itself: {@code GET /api/notes} pages
 * with {@code page_token} ({@code fields=slim} leaves out bodies), {@code GET /api/notes/{id}}, and a change feed
 * {@code GET /api/changes?cursor=} that, like many real ones, reports edits and deletions but not permission
 * changes. Rate limits answer 429 with {@code Retry-After}.
 */
final class NotesServer implements AutoCloseable {

    record Note(String id, String title, String body, List<String> readers, int revision) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final int pageSize = 4;
    private final HttpServer server;
    private final Map<String, Note> notes = new TreeMap<>();
    private final List<Map<String, Object>> changes = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger stalls = new AtomicInteger();
    private volatile int failureStatus;
    private volatile long rateLimitSeconds = -1;

    NotesServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
    }

    synchronized void put(Note note) {
        notes.put(note.id(), note);
        changes.add(Map.of("id", note.id(), "removed", false));
    }

    /** A permission change: no entry in the change feed. */
    synchronized void share(String id, List<String> readers) {
        Note n = notes.get(id);
        notes.put(id, new Note(id, n.title(), n.body(), readers, n.revision()));
    }

    synchronized void remove(String id) {
        notes.remove(id);
        changes.add(Map.of("id", id, "removed", true));
    }

    synchronized Map<String, Note> notes() {
        return new TreeMap<>(notes);
    }

    void failNext(int requests, int status) {
        failureStatus = status;
        failures.set(requests);
    }

    void stallNext(int requests) {
        stalls.set(requests);
    }

    void rateLimitNext(long seconds) {
        rateLimitSeconds = seconds;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (rateLimitSeconds >= 0) {
                exchange.getResponseHeaders().add("Retry-After", Long.toString(rateLimitSeconds));
                rateLimitSeconds = -1;
                send(exchange, 429, Map.of("error", "rate_limited"));
                return;
            }
            if (stalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                Thread.sleep(2_000);
            }
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(exchange, failureStatus, Map.of("error", "internal"));
                return;
            }
            route(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI());
        if (path.equals("/api/notes")) {
            int from = Integer.parseInt(query.getOrDefault("page_token", "0"));
            List<Note> all = new ArrayList<>(notes.values());
            List<Object> page = new ArrayList<>();
            for (Note n : all.subList(Math.min(from, all.size()), Math.min(from + pageSize, all.size()))) {
                page.add(json(n, !"slim".equals(query.get("fields"))));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("notes", page);
            if (from + pageSize < all.size()) {
                body.put("next_page_token", Integer.toString(from + pageSize));
            }
            send(exchange, 200, body);
        } else if (path.startsWith("/api/notes/")) {
            Note n = notes.get(path.substring("/api/notes/".length()));
            send(exchange, n == null ? 404 : 200, n == null ? Map.of("error", "not_found") : json(n, true));
        } else if (path.equals("/api/changes")) {
            int from = Integer.parseInt(query.getOrDefault("cursor", "0"));
            send(exchange, 200, Map.of("changes", changes.subList(Math.min(from, changes.size()), changes.size()),
                    "cursor", Integer.toString(changes.size())));
        } else if (path.equals("/api/changes/cursor")) {
            send(exchange, 200, Map.of("cursor", Integer.toString(changes.size())));
        } else {
            send(exchange, 404, Map.of("error", "not_found"));
        }
    }

    private static Map<String, Object> json(Note n, boolean withBody) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("title", n.title());
        m.put("readers", n.readers());
        m.put("revision", n.revision());
        if (withBody) {
            m.put("body", n.body());
        }
        return m;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new TreeMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                q.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
