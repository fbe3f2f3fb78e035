package dev.sextant.connectors.confluence;

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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake Confluence Cloud site built from Atlassian's v1 and v2 OpenAPI descriptions (the project's fixtures) and
 * the REST docs: v2 {@code /spaces}, {@code /spaces/{id}/permissions}, {@code /spaces/{id}/pages},
 * {@code /blogposts?space-id=}, {@code /pages/{id}}, {@code /blogposts/{id}} and {@code /footer-comments/{id}}
 * with {@code body-format=storage},
 * paged by an opaque {@code cursor} in {@code _links.next} and the {@code Link} header; v1
 * {@code /content/{id}/restriction/byOperation/read}, which like the real one returns only the content's
 * <em>own</em> restrictions (inherited ones are not listed), {@code /content/search?cql=} (type, space and
 * {@code lastmodified >=}; comments with their container), {@code /group} and {@code /group/member?name=}, paged by {@code start}/{@code limit}.
 * Basic auth ({@code email:token}) or a Bearer token; 401 otherwise. Rate limits answer 429 with
 * {@code Retry-After} and {@code X-RateLimit-*}, as developer.atlassian.com/cloud/confluence/rate-limiting says.
 */
public final class ConfluenceServer implements AutoCloseable {

    /** A page or blog post; {@code status} is current, trashed, archived or deleted. */
    public record Content(String id, String type, String spaceId, String parentId, String title, String body,
                          int version, String status, Instant modified) {
        public Content with(String newParent, String newBody, String newStatus, boolean newVersion) {
            return new Content(id, type, spaceId, newParent, title, newBody, newVersion ? version + 1 : version,
                    newStatus, newVersion ? Instant.now() : modified);
        }
    }

    /** A member of a group, with the email a profile shows (or null). */
    public record User(String accountId, String displayName, String email) {
    }

    private record Group(String id, String name, List<User> members) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LASTMODIFIED = Pattern.compile("lastmodified\\s*>=\\s*\"([^\"]+)\"");
    private static final Pattern TYPE_IN = Pattern.compile("type\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern TYPE_IS = Pattern.compile("type\\s*=\\s*\"?(\\w+)");
    private static final Pattern SPACE_IS = Pattern.compile("space\\s*=\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final int pageSize;
    private final String authorization;
    private final Map<String, String> spaces = new TreeMap<>();
    private final Map<String, List<Map<String, Object>>> spacePermissions = new TreeMap<>();
    private final Map<String, Content> content = new TreeMap<>();
    private final Map<String, Set<String>> restrictedUsers = new TreeMap<>();
    private final Map<String, Set<String>> restrictedGroups = new TreeMap<>();
    private final Map<String, Group> groups = new TreeMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger stalls = new AtomicInteger();
    private volatile int failureStatus;
    private volatile long rateLimitSeconds = -1;
    private int nextId = 1000;

    public ConfluenceServer(int pageSize, String email, String token) throws IOException {
        this.pageSize = pageSize;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((email + ":" + token)
                .getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/wiki/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public URI site() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int pageSize() {
        return pageSize;
    }

    public int requests() {
        return requests.get();
    }

    /** A space whose read permission goes to these principals: {@code user:<accountId>} or {@code group:<id>}. */
    public synchronized String space(String key, List<String> readers) {
        String id = Integer.toString(nextId++);
        spaces.put(id, key);
        List<Map<String, Object>> assignments = new ArrayList<>();
        for (String reader : readers) {
            String[] p = reader.split(":", 2);
            assignments.add(Map.of("id", Integer.toString(nextId++), "principal", Map.of("type", p[0], "id", p[1]),
                    "operation", Map.of("key", "read", "targetType", "space")));
            assignments.add(Map.of("id", Integer.toString(nextId++), "principal", Map.of("type", p[0], "id", p[1]),
                    "operation", Map.of("key", "create", "targetType", "page")));
        }
        spacePermissions.put(id, assignments);
        return id;
    }

    public synchronized Content create(String type, String spaceId, String parentId, String title, String body) {
        Content c = new Content(Integer.toString(nextId++), type, spaceId, parentId, title, body, 1, "current",
                Instant.now());
        content.put(c.id(), c);
        return c;
    }

    public synchronized void put(Content c) {
        content.put(c.id(), c);
    }

    public synchronized Map<String, Content> content() {
        return new TreeMap<>(content);
    }

    /** Sets the content's own read restriction; empty lists lift it. */
    public synchronized void restrict(String contentId, Set<String> accountIds, Set<String> groupIds) {
        restrictedUsers.put(contentId, new LinkedHashSet<>(accountIds));
        restrictedGroups.put(contentId, new LinkedHashSet<>(groupIds));
    }

    public synchronized void group(String id, String name, List<User> members) {
        groups.put(id, new Group(id, name, List.copyOf(members)));
    }

    public void failNext(int requests, int status) {
        failureStatus = status;
        failures.set(requests);
    }

    public void stallNext(int requests) {
        stalls.set(requests);
    }

    public void rateLimitNext(long seconds) {
        rateLimitSeconds = seconds;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            if (rateLimitSeconds >= 0) {
                long seconds = rateLimitSeconds;
                rateLimitSeconds = -1;
                exchange.getResponseHeaders().add("Retry-After", Long.toString(seconds));
                exchange.getResponseHeaders().add("X-RateLimit-Limit", "100");
                exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
                exchange.getResponseHeaders().add("X-RateLimit-Reset", Instant.now().plusSeconds(seconds).toString());
                send(exchange, 429, Map.of("statusCode", 429, "message", "Rate limit exceeded."));
                return;
            }
            if (stalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                Thread.sleep(2_000);
            }
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(exchange, failureStatus, Map.of("statusCode", failureStatus, "message",
                        "com.atlassian.confluence.api.service.exceptions.ServiceException: internal error"));
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!authorization.equals(auth) && !"Bearer fake-oauth-token".equals(auth)) {
                send(exchange, 401, Map.of("code", 401, "message", "Unauthorized; scope does not match"));
                return;
            }
            route(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> q = query(exchange.getRequestURI());
        String[] parts = path.split("/");
        if (path.equals("/wiki/api/v2/spaces")) {
            List<Object> all = new ArrayList<>();
            spaces.forEach((id, key) -> all.add(Map.of("id", id, "key", key, "name", "Space " + key, "type", "global",
                    "status", "current", "_links", Map.of("webui", "/spaces/" + key))));
            v2Page(exchange, path, q, all);
        } else if (path.matches("/wiki/api/v2/spaces/[^/]+/permissions")) {
            v2Page(exchange, path, q, new ArrayList<>(spacePermissions.getOrDefault(parts[5], List.of())));
        } else if (path.matches("/wiki/api/v2/spaces/[^/]+/pages")) {
            v2Page(exchange, path, q, listed("page", parts[5], q));
        } else if (path.equals("/wiki/api/v2/blogposts")) {
            v2Page(exchange, path, q, listed("blogpost", q.get("space-id"), q));
        } else if (path.matches("/wiki/api/v2/(pages|blogposts|footer-comments)/[^/]+")) {
            Content c = content.get(parts[5]);
            String type = switch (parts[4]) {
                case "pages" -> "page";
                case "blogposts" -> "blogpost";
                default -> "comment";
            };
            if (c == null || !c.type().equals(type) || c.status().equals("deleted")) {
                send(exchange, 404, Map.of("errors", List.of(Map.of("status", 404, "code", "NOT_FOUND",
                        "title", "Not Found", "detail", null == c ? "No content with id " + parts[5] : "deleted"))));
            } else {
                send(exchange, 200, json(c, "storage".equals(q.get("body-format"))));
            }
        } else if (path.matches("/wiki/rest/api/content/[^/]+/restriction/byOperation/read")) {
            restriction(exchange, parts[5]);
        } else if (path.equals("/wiki/rest/api/content/search")) {
            search(exchange, q);
        } else if (path.equals("/wiki/rest/api/group")) {
            List<Object> all = new ArrayList<>();
            groups.values().forEach(g -> all.add(Map.of("type", "group", "name", g.name(), "id", g.id())));
            v1Page(exchange, "/rest/api/group", q, all);
        } else if (path.equals("/wiki/rest/api/group/member")) {
            Group g = groups.values().stream().filter(x -> x.name().equals(q.get("name"))).findFirst().orElse(null);
            if (g == null) {
                send(exchange, 404, Map.of("statusCode", 404, "message", "No group found with name " + q.get("name")));
                return;
            }
            List<Object> all = new ArrayList<>();
            for (User u : g.members()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", "known");
                m.put("accountId", u.accountId());
                m.put("accountType", "atlassian");
                m.put("publicName", u.displayName());
                m.put("displayName", u.displayName());
                if (u.email() != null) {
                    m.put("email", u.email());
                }
                all.add(m);
            }
            v1Page(exchange, "/rest/api/group/member", q, all);
        } else {
            send(exchange, 404, Map.of("statusCode", 404, "message", "No route for " + path));
        }
    }

    private List<Object> listed(String type, String spaceId, Map<String, String> q) {
        String status = q.getOrDefault("status", "current");
        List<Object> all = new ArrayList<>();
        for (Content c : content.values()) {
            if (c.type().equals(type) && c.spaceId().equals(spaceId) && status.contains(c.status())) {
                all.add(json(c, false));
            }
        }
        return all;
    }

    private Map<String, Object> json(Content c, boolean withBody) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("status", c.status());
        m.put("title", c.title());
        m.put("spaceId", c.spaceId());
        if (c.type().equals("page")) {
            m.put("parentId", c.parentId());
            m.put("parentType", c.parentId() == null ? null : "page");
            m.put("position", 0);
        } else if (c.type().equals("comment")) {
            m.put(content.get(c.parentId()).type().equals("page") ? "pageId" : "blogPostId", c.parentId());
        }
        m.put("authorId", "557058:author");
        m.put("createdAt", c.modified().toString());
        m.put("version", Map.of("number", c.version(), "createdAt", c.modified().toString(), "message", "",
                "minorEdit", false, "authorId", "557058:author"));
        if (withBody) {
            m.put("body", Map.of("storage", Map.of("representation", "storage", "value", c.body())));
        }
        m.put("_links", Map.of("webui", webui(c), "editui", "/pages/resumedraft.action?draftId=" + c.id(),
                "tinyui", "/x/" + c.id()));
        return m;
    }

    private String webui(Content c) {
        String space = "/spaces/" + spaces.get(c.spaceId());
        return switch (c.type()) {
            case "page" -> space + "/pages/" + c.id();
            case "blogpost" -> space + "/blog/" + c.id();
            default -> space + "/pages/" + c.parentId() + "?focusedCommentId=" + c.id();
        };
    }

    private void restriction(HttpExchange exchange, String id) throws IOException {
        if (!content.containsKey(id)) {
            send(exchange, 404, Map.of("statusCode", 404, "message", "No content found with id: " + id));
            return;
        }
        List<Object> users = new ArrayList<>();
        for (String accountId : restrictedUsers.getOrDefault(id, Set.of())) {
            users.add(Map.of("type", "known", "accountId", accountId, "accountType", "atlassian"));
        }
        List<Object> groupResults = new ArrayList<>();
        for (String groupId : restrictedGroups.getOrDefault(id, Set.of())) {
            Group g = groups.get(groupId);
            groupResults.add(Map.of("type", "group", "name", g == null ? groupId : g.name(), "id", groupId));
        }
        send(exchange, 200, Map.of("operation", "read", "restrictions", Map.of(
                "user", Map.of("results", users, "start", 0, "limit", 200, "size", users.size()),
                "group", Map.of("results", groupResults, "start", 0, "limit", 200, "size", groupResults.size())),
                "_expandable", Map.of("content", "/rest/api/content/" + id),
                "_links", Map.of("base", site() + "/wiki", "context", "/wiki")));
    }

    private void search(HttpExchange exchange, Map<String, String> q) throws IOException {
        String cql = q.getOrDefault("cql", "");
        Matcher m = LASTMODIFIED.matcher(cql);
        Instant since = m.find() ? LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                .toInstant(ZoneOffset.UTC) : Instant.EPOCH;
        Matcher typeIn = TYPE_IN.matcher(cql);
        Matcher typeIs = TYPE_IS.matcher(cql);
        Set<String> types = typeIn.find() ? Set.of(typeIn.group(1).replace(" ", "").split(","))
                : typeIs.find() ? Set.of(typeIs.group(1)) : Set.of("page", "blogpost", "comment");
        Matcher spaceIs = SPACE_IS.matcher(cql);
        String spaceKey = spaceIs.find() ? spaceIs.group(1) : null;
        List<Object> all = new ArrayList<>();
        content.values().stream().filter(c -> c.status().equals("current") && !c.modified().isBefore(since))
                .filter(c -> types.contains(c.type()))
                .filter(c -> spaceKey == null || spaceKey.equals(spaces.get(c.spaceId())))
                .sorted((a, b) -> a.modified().compareTo(b.modified())).forEach(c -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("id", c.id());
                    r.put("type", c.type());
                    r.put("status", c.status());
                    r.put("title", c.title());
                    r.put("space", Map.of("key", spaces.get(c.spaceId())));
                    r.put("version", Map.of("number", c.version(), "when", c.modified().toString()));
                    if (c.type().equals("comment")) {
                        Content container = content.get(c.parentId());
                        r.put("container", Map.of("id", container.id(), "type", container.type(),
                                "title", container.title(), "status", container.status()));
                        r.put("extensions", Map.of("location", "footer"));
                    }
                    r.put("_links", Map.of("webui", webui(c)));
                    all.add(r);
                });
        int limit = Math.min(pageSize, Integer.parseInt(q.getOrDefault("limit", "25")));
        int from = q.containsKey("cursor") ? Integer.parseInt(new String(Base64.getUrlDecoder()
                .decode(q.get("cursor")), StandardCharsets.UTF_8)) : 0;
        List<Object> page = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("base", site() + "/wiki");
        links.put("context", "/wiki");
        if (from + limit < all.size()) {
            links.put("next", "/rest/api/content/search?next=true&cursor=" + cursor(from + limit) + "&limit=" + limit
                    + "&cql=" + URLEncoder.encode(cql, StandardCharsets.UTF_8));
        }
        send(exchange, 200, Map.of("results", page, "start", from, "limit", limit, "size", page.size(),
                "_links", links));
    }

    private void v2Page(HttpExchange exchange, String path, Map<String, String> q, List<Object> all)
            throws IOException {
        int limit = Math.min(pageSize, Integer.parseInt(q.getOrDefault("limit", "25")));
        int from = q.containsKey("cursor") ? Integer.parseInt(new String(Base64.getUrlDecoder()
                .decode(q.get("cursor")), StandardCharsets.UTF_8)) : 0;
        List<Object> page = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        Map<String, Object> links = new LinkedHashMap<>();
        if (from + limit < all.size()) {
            Map<String, String> next = new LinkedHashMap<>(q);
            next.put("cursor", cursor(from + limit));
            StringBuilder url = new StringBuilder(path).append('?');
            next.forEach((k, v) -> url.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                    .append('&'));
            url.setLength(url.length() - 1);
            links.put("next", url.toString());
            exchange.getResponseHeaders().add("Link", "<" + url + ">; rel=\"next\"");
        }
        links.put("base", site() + "/wiki");
        send(exchange, 200, Map.of("results", page, "_links", links));
    }

    private void v1Page(HttpExchange exchange, String path, Map<String, String> q, List<Object> all)
            throws IOException {
        int limit = Math.min(pageSize, Integer.parseInt(q.getOrDefault("limit", "25")));
        int start = Integer.parseInt(q.getOrDefault("start", "0"));
        List<Object> page = all.subList(Math.min(start, all.size()), Math.min(start + limit, all.size()));
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("base", site() + "/wiki");
        links.put("context", "/wiki");
        if (start + limit < all.size()) {
            StringBuilder url = new StringBuilder(path).append("?start=").append(start + limit).append("&limit=")
                    .append(limit);
            if (q.containsKey("name")) {
                url.append("&name=").append(URLEncoder.encode(q.get("name"), StandardCharsets.UTF_8));
            }
            links.put("next", url.toString());
        }
        send(exchange, 200, Map.of("results", page, "start", start, "limit", limit, "size", page.size(),
                "_links", links));
    }

    private static String cursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(offset)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
