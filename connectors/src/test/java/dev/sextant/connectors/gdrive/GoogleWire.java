package dev.sextant.connectors.gdrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the fake Google APIs answer: JSON bodies narrowed by {@code fields}, pages with {@code pageToken} /
 * {@code nextPageToken} of at most {@code maxPage} items, and errors in Google's envelope
 * ({@code {"error":{"code","message","errors":[{"domain","reason"}],"status"}}}).
 */
final class GoogleWire {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxPage;

    GoogleWire(int maxPage) {
        this.maxPage = maxPage;
    }

    void page(HttpExchange exchange, Map<String, String> q, List<JsonNode> all, String field, String kind,
                      int max, FieldMask mask) throws IOException {
        page(exchange, q, all, field, kind, max, "pageSize", mask);
    }

    void page(HttpExchange exchange, Map<String, String> q, List<JsonNode> all, String field, String kind,
                      int max, String sizeParam, FieldMask mask) throws IOException {
        page(exchange, q, all, n -> n, field, kind, max, sizeParam, mask);
    }

    /** One page: {@code pageToken} is an offset the fake issued; a page holds at most {@link #maxPage} items. */
    <T> void page(HttpExchange exchange, Map<String, String> q, List<T> all,
                          java.util.function.Function<T, JsonNode> render, String field, String kind, int max,
                          String sizeParam, FieldMask mask) throws IOException {
        int from;
        try {
            from = q.containsKey("pageToken") ? Integer.parseInt(q.get("pageToken").substring(1)) : 0;
        } catch (RuntimeException e) {
            badRequest(exchange, "Invalid Value", "pageToken");
            return;
        }
        int requested = sizeParam.equals("pageSize") ? pageSize(q, 100, max)
                : Math.min(max, Integer.parseInt(q.getOrDefault(sizeParam, Integer.toString(max))));
        int to = Math.min(all.size(), from + Math.min(maxPage, requested));
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("kind", kind);
        if (to < all.size()) {
            body.put("nextPageToken", "p" + to);
        }
        ArrayNode items = body.putArray(field);
        all.subList(Math.min(from, all.size()), to).forEach(item -> items.add(render.apply(item)));
        send(exchange, 200, mask.apply(body));
    }

    static int pageSize(Map<String, String> q, int otherwise, int max) {
        int size = Integer.parseInt(q.getOrDefault("pageSize", Integer.toString(otherwise)));
        return Math.max(1, Math.min(size, max));
    }

    static FieldMask mask(Map<String, String> q) {
        return FieldMask.parse(q.getOrDefault("fields", "*"));
    }

    static FieldMask fileMask(Map<String, String> q, String defaults) {
        return FieldMask.parse(q.getOrDefault("fields", defaults));
    }

    static void insufficientScopes(HttpExchange exchange) throws IOException {
        error(exchange, 403, "Request had insufficient authentication scopes.", "global", "insufficientPermissions");
    }

    static void badRequest(HttpExchange exchange, String message, String location) throws IOException {
        ObjectNode error = envelope(400, message, "global", "invalid");
        ((ObjectNode) error.get("error").get("errors").get(0)).put("locationType", "parameter").put("location", location);
        send(exchange, 400, error);
    }

    static void error(HttpExchange exchange, int status, String message, String domain, String reason)
            throws IOException {
        send(exchange, status, envelope(status, message, domain, reason));
    }

    static ObjectNode envelope(int status, String message, String domain, String reason) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode error = body.putObject("error").put("code", status).put("message", message);
        error.putArray("errors").addObject().put("message", message).put("domain", domain).put("reason", reason);
        error.put("status", switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            default -> "INTERNAL";
        });
        return body;
    }

    static Map<String, String> query(URI uri) {
        return uri.getRawQuery() == null ? Map.of() : parse(uri.getRawQuery());
    }

    static Map<String, String> parse(String form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        bytes(exchange, status, "application/json; charset=UTF-8", JSON.writeValueAsBytes(body));
    }

    static void bytes(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

}
