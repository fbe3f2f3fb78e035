package dev.sextant.connectors.confluence;

import static dev.sextant.connectors.testing.FakeExchanges.query;
import static dev.sextant.connectors.testing.FakeExchanges.sendJson;

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
 * v2 folders ({@code /folders/{id}}, a page's {@code parentType} is {@code folder} under one) and attachments
 * ({@code /pages/{id}/attachments}, {@code /blogposts/{id}/attachments}, {@code /attachments/{id}}, bytes at
 * {@code _links.download}).
 * Basic auth ({@code email:token}) or a Bearer token; 401 otherwise. Rate limits answer 429 with
 * {@code Retry-After} and {@code X-RateLimit-*}, as developer.atlassian.com/cloud/confluence/rate-limiting says.
 *
 * <p>{@link #dataCenter} serves the same data as Confluence Data Center does, under the context path
 * {@code /confluence} with a personal access token (Bearer): v1 only, {@code /rest/api/space},
 * {@code /rest/api/space/{key}/permissions} (a plain array, as the DC 9.1+ reference shows; 404 where
 * {@link #withoutSpacePermissionsEndpoint} mimics older versions), {@code /rest/api/content?spaceKey=&type=}
 * with {@code ancestors}, {@code /rest/api/content/{id}}, {@code .../child/attachment}, {@code /rest/api/group}
 * and {@code /rest/api/group/{name}/member}; users by {@code userKey}, groups by name; every list paged by
 * {@code start}/{@code limit} and {@code _links.next}.
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

    private static final String CONTEXT = "/confluence";

    private final HttpServer server;
    private final int pageSize;
    private final String authorization;
    private final boolean dataCenter;
    private volatile boolean spacePermissionsEndpoint = true;
    private final Map<String, String> spaces = new TreeMap<>();
    private final Map<String, List<Map<String, Object>>> spacePermissions = new TreeMap<>();
    private final Map<String, Content> content = new TreeMap<>();
    private final Map<String, Set<String>> restrictedUsers = new TreeMap<>();
    private final Map<String, Set<String>> restrictedGroups = new TreeMap<>();
    private final Map<String, Group> groups = new TreeMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger downloads = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger stalls = new AtomicInteger();
    private volatile int failureStatus;
    private volatile long rateLimitSeconds = -1;
    private int nextId = 1000;

    public ConfluenceServer(int pageSize, String email, String token) throws IOException {
        this(pageSize, "Basic " + Base64.getEncoder().encodeToString((email + ":" + token)
                .getBytes(StandardCharsets.UTF_8)), false);
    }

    private ConfluenceServer(int pageSize, String authorization, boolean dataCenter) throws IOException {
        this.pageSize = pageSize;
        this.authorization = authorization;
        this.dataCenter = dataCenter;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(dataCenter ? CONTEXT + "/" : "/wiki/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** A Data Center site at {@code /confluence} that accepts this personal access token. */
    public static ConfluenceServer dataCenter(int pageSize, String personalAccessToken) throws IOException {
        return new ConfluenceServer(pageSize, "Bearer " + personalAccessToken, true);
    }

    /** Cloud: the site root; Data Center: the base URL with its context path. */
    public URI site() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + (dataCenter ? CONTEXT : ""));
    }

    /** What {@code _links.base} says: where v1 links are relative to. */
    private String base() {
        return dataCenter ? site().toString() : site() + "/wiki";
    }

    /** Answers 404 on {@code /rest/api/space/{key}/permissions}, as Data Center before 9.1 does. */
    public void withoutSpacePermissionsEndpoint() {
        spacePermissionsEndpoint = false;
    }

    public int pageSize() {
        return pageSize;
    }

    public int requests() {
        return requests.get();
    }

    /** Attachment downloads answered. */
    public int downloads() {
        return downloads.get();
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

    /**
     * A page, blog post, comment (parent: its page or post), folder (Cloud) or attachment (parent: its page or
     * post; title: the file name; body: the file's bytes as UTF-8).
     */
    public synchronized Content create(String type, String spaceId, String parentId, String title, String body) {
        Content c = new Content((type.equals("attachment") ? "att" : "") + nextId++, type, spaceId, parentId, title,
                body, 1, "current", Instant.now());
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
                sendJson(exchange, 429, Map.of("statusCode", 429, "message", "Rate limit exceeded."));
                return;
            }
            if (stalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                Thread.sleep(2_000);
            }
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                sendJson(exchange, failureStatus, Map.of("statusCode", failureStatus, "message",
                        "com.atlassian.confluence.api.service.exceptions.ServiceException: internal error"));
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!authorization.equals(auth) && (dataCenter || !"Bearer fake-oauth-token".equals(auth))) {
                sendJson(exchange, 401, Map.of("code", 401, "message", "Unauthorized; scope does not match"));
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
        if (dataCenter) {
            routeDataCenter(exchange, path.substring(CONTEXT.length()), q);
            return;
        }
        String[] parts = path.split("/");
        if (path.matches("/wiki/download/attachments/[^/]+/.+")) {
            download(exchange, parts[4]);
        } else if (path.matches("/wiki/api/v2/(pages|blogposts)/[^/]+/attachments")) {
            List<Object> all = new ArrayList<>();
            attachmentsOf(parts[5]).forEach(a -> all.add(json(a, false)));
            v2Page(exchange, path, q, all);
        } else if (path.matches("/wiki/api/v2/folders/[^/]+")) {
            Content c = content.get(parts[5]);
            if (c == null || !c.type().equals("folder")) {
                sendJson(exchange, 404, Map.of("errors", List.of(Map.of("status", 404, "code", "NOT_FOUND",
                        "title", "Not Found", "detail", "No folder with id " + parts[5]))));
            } else {
                sendJson(exchange, 200, json(c, false));
            }
        } else if (path.equals("/wiki/api/v2/spaces")) {
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
        } else if (path.matches("/wiki/api/v2/(pages|blogposts|footer-comments|attachments)/[^/]+")) {
            Content c = content.get(parts[5]);
            String type = switch (parts[4]) {
                case "pages" -> "page";
                case "blogposts" -> "blogpost";
                case "attachments" -> "attachment";
                default -> "comment";
            };
            if (c == null || !c.type().equals(type) || c.status().equals("deleted")) {
                sendJson(exchange, 404, Map.of("errors", List.of(Map.of("status", 404, "code", "NOT_FOUND",
                        "title", "Not Found", "detail", null == c ? "No content with id " + parts[5] : "deleted"))));
            } else {
                sendJson(exchange, 200, json(c, "storage".equals(q.get("body-format"))));
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
            members(exchange, "/rest/api/group/member", q.get("name"), q);
        } else {
            sendJson(exchange, 404, Map.of("statusCode", 404, "message", "No route for " + path));
        }
    }

    private void routeDataCenter(HttpExchange exchange, String path, Map<String, String> q) throws IOException {
        String[] parts = path.split("/");
        if (path.matches("/download/attachments/[^/]+/.+")) {
            download(exchange, parts[3]);
        } else if (path.equals("/rest/api/space")) {
            List<Object> all = new ArrayList<>();
            spaces.forEach((id, key) -> all.add(Map.of("id", Long.parseLong(id), "key", key, "name", "Space " + key,
                    "type", "global", "_links", Map.of("webui", "/display/" + key))));
            v1Page(exchange, path, q, all);
        } else if (path.matches("/rest/api/space/[^/]+/permissions")) {
            String spaceId = spaceIdOf(URLDecoder.decode(parts[4], StandardCharsets.UTF_8));
            if (!spacePermissionsEndpoint || spaceId == null) {
                sendJson(exchange, 404, Map.of("statusCode", 404, "message", "null for uri: " + site() + path));
                return;
            }
            List<Object> all = new ArrayList<>();
            for (Map<String, Object> assignment : spacePermissions.get(spaceId)) {
                @SuppressWarnings("unchecked")
                Map<String, String> principal = (Map<String, String>) assignment.get("principal");
                @SuppressWarnings("unchecked")
                Map<String, String> operation = (Map<String, String>) assignment.get("operation");
                Map<String, Object> subject = principal.get("type").equals("user")
                        ? Map.of("type", "user", "userKey", principal.get("id"), "username", principal.get("id"),
                                "displayName", principal.get("id"))
                        : Map.of("type", "group", "name", principal.get("id"), "displayName", principal.get("id"));
                all.add(Map.of("operation", Map.of("targetType", operation.get("targetType"), "operationKey",
                        operation.get("key")), "subject", subject, "spaceKey", spaces.get(spaceId),
                        "spaceId", Long.parseLong(spaceId)));
            }
            sendJson(exchange, 200, all);
        } else if (path.equals("/rest/api/content")) {
            String spaceId = spaceIdOf(q.getOrDefault("spaceKey", ""));
            String status = q.getOrDefault("status", "current");
            List<Object> all = new ArrayList<>();
            for (Content c : content.values()) {
                if (c.type().equals(q.getOrDefault("type", "page")) && c.spaceId().equals(spaceId)
                        && status.contains(c.status())) {
                    all.add(v1Json(c, q.getOrDefault("expand", "")));
                }
            }
            v1Page(exchange, path, q, all);
        } else if (path.matches("/rest/api/content/[^/]+/child/attachment")) {
            List<Object> all = new ArrayList<>();
            attachmentsOf(parts[4]).forEach(a -> all.add(v1Json(a, q.getOrDefault("expand", ""))));
            v1Page(exchange, path, q, all);
        } else if (path.matches("/rest/api/content/[^/]+/restriction/byOperation/read")) {
            restriction(exchange, parts[4]);
        } else if (path.equals("/rest/api/content/search")) {
            search(exchange, q);
        } else if (path.matches("/rest/api/content/[^/]+")) {
            Content c = content.get(parts[4]);
            if (c == null || c.status().equals("deleted") || c.type().equals("folder")) {
                sendJson(exchange, 404, Map.of("statusCode", 404, "data", Map.of("authorized", false, "valid", true,
                        "errors", List.of(), "successful", false), "message",
                        "No content found with id: ContentId{id=" + parts[4] + "}"));
            } else {
                sendJson(exchange, 200, v1Json(c, q.getOrDefault("expand", "")));
            }
        } else if (path.equals("/rest/api/group")) {
            List<Object> all = new ArrayList<>();
            groups.values().forEach(g -> all.add(Map.of("type", "group", "name", g.id())));
            v1Page(exchange, path, q, all);
        } else if (path.matches("/rest/api/group/[^/]+/member")) {
            members(exchange, path, URLDecoder.decode(parts[4], StandardCharsets.UTF_8), q);
        } else {
            sendJson(exchange, 404, Map.of("statusCode", 404, "message", "null for uri: " + site() + path));
        }
    }

    private String spaceIdOf(String key) {
        return spaces.entrySet().stream().filter(e -> e.getValue().equals(key)).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }

    /** Cloud names a group by name in {@code ?name=}; Data Center names it in the path, and knows groups by name. */
    private void members(HttpExchange exchange, String path, String name, Map<String, String> q) throws IOException {
        Group g = groups.values().stream().filter(x -> (dataCenter ? x.id() : x.name()).equals(name)).findFirst()
                .orElse(null);
        if (g == null) {
            sendJson(exchange, 404, Map.of("statusCode", 404, "message", "No group found with name " + name));
            return;
        }
        List<Object> all = new ArrayList<>();
        for (User u : g.members()) {
            all.add(user(u.accountId(), u.displayName(), u.email()));
        }
        v1Page(exchange, path, q, all);
    }

    private Map<String, Object> user(String id, String displayName, String email) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "known");
        if (dataCenter) {
            m.put("username", id);
            m.put("userKey", id);
        } else {
            m.put("accountId", id);
            m.put("accountType", "atlassian");
            m.put("publicName", displayName);
        }
        m.put("displayName", displayName);
        if (email != null && !dataCenter) {
            m.put("email", email);
        }
        return m;
    }

    private List<Content> attachmentsOf(String containerId) {
        return content.values().stream().filter(c -> c.type().equals("attachment") && c.status().equals("current")
                && containerId.equals(c.parentId())).toList();
    }

    private void download(HttpExchange exchange, String containerId) throws IOException {
        String file = URLDecoder.decode(exchange.getRequestURI().getPath().replaceAll(".*/", ""),
                StandardCharsets.UTF_8);
        Content a = attachmentsOf(containerId).stream().filter(c -> c.title().equals(file)).findFirst().orElse(null);
        if (a == null) {
            sendJson(exchange, 404, Map.of("statusCode", 404, "message", "No attachment " + file));
            return;
        }
        downloads.incrementAndGet();
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private String downloadLink(Content a) {
        return "/download/attachments/" + a.parentId() + "/" + URLEncoder.encode(a.title(), StandardCharsets.UTF_8)
                .replace("+", "%20") + "?version=" + a.version() + "&api=v2";
    }

    /** v1 content as Data Center gives it, with what {@code expand} asks for. */
    private Map<String, Object> v1Json(Content c, String expand) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("type", c.type());
        m.put("status", c.status());
        m.put("title", c.title());
        if (expand.contains("space")) {
            m.put("space", Map.of("key", spaces.get(c.spaceId()), "name", "Space " + spaces.get(c.spaceId())));
        }
        if (expand.contains("version")) {
            m.put("version", Map.of("number", c.version(), "when", c.modified().toString(), "minorEdit", false));
        }
        if (expand.contains("ancestors") && c.type().equals("page")) {
            List<Object> ancestors = new ArrayList<>();
            for (Content at = content.get(c.parentId() == null ? "" : c.parentId()); at != null;
                 at = at.parentId() == null ? null : content.get(at.parentId())) {
                ancestors.addFirst(Map.of("id", at.id(), "type", at.type(), "status", at.status(), "title", at.title()));
            }
            m.put("ancestors", ancestors);
        }
        if ((c.type().equals("comment") || c.type().equals("attachment")) && expand.contains("container")) {
            Content container = content.get(c.parentId());
            m.put("container", Map.of("id", container.id(), "type", container.type(), "status", container.status(),
                    "title", container.title()));
        }
        if (c.type().equals("attachment")) {
            m.put("extensions", Map.of("mediaType", "text/plain", "fileSize", c.body().getBytes(
                    StandardCharsets.UTF_8).length, "comment", ""));
        } else if (expand.contains("body.storage")) {
            m.put("body", Map.of("storage", Map.of("value", c.body(), "representation", "storage")));
        }
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("webui", c.type().equals("attachment") ? "/pages/viewpageattachments.action?pageId=" + c.parentId()
                : c.type().equals("comment") ? "/pages/viewpage.action?pageId=" + c.parentId() + "&focusedCommentId="
                + c.id() : "/pages/viewpage.action?pageId=" + c.id());
        if (c.type().equals("attachment")) {
            links.put("download", downloadLink(c).replace("&api=v2", ""));
        }
        links.put("self", base() + "/rest/api/content/" + c.id());
        m.put("_links", links);
        return m;
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
        if (c.type().equals("page") || c.type().equals("folder")) {
            m.put("parentId", c.parentId());
            m.put("parentType", c.parentId() == null ? null : content.get(c.parentId()).type());
            m.put("position", 0);
        } else if (c.type().equals("comment") || c.type().equals("attachment")) {
            m.put(content.get(c.parentId()).type().equals("page") ? "pageId" : "blogPostId", c.parentId());
        }
        if (c.type().equals("folder")) {
            m.put("type", "folder");
        }
        if (c.type().equals("attachment")) {
            m.put("mediaType", "text/plain");
            m.put("fileSize", c.body().getBytes(StandardCharsets.UTF_8).length);
            m.put("downloadLink", downloadLink(c));
            m.put("webuiLink", webui(c));
        }
        m.put("authorId", "557058:author");
        m.put("createdAt", c.modified().toString());
        m.put("version", Map.of("number", c.version(), "createdAt", c.modified().toString(), "message", "",
                "minorEdit", false, "authorId", "557058:author"));
        if (withBody && !c.type().equals("attachment")) {
            m.put("body", Map.of("storage", Map.of("representation", "storage", "value", c.body())));
        }
        m.put("_links", c.type().equals("attachment") ? Map.of("webui", webui(c), "download", downloadLink(c))
                : Map.of("webui", webui(c), "editui", "/pages/resumedraft.action?draftId=" + c.id(),
                "tinyui", "/x/" + c.id()));
        return m;
    }

    private String webui(Content c) {
        String space = "/spaces/" + spaces.get(c.spaceId());
        return switch (c.type()) {
            case "page" -> space + "/pages/" + c.id();
            case "blogpost" -> space + "/blog/" + c.id();
            case "folder" -> space + "/folder/" + c.id();
            case "attachment" -> space + "/pages/" + c.parentId() + "/attachments/" + c.id();
            default -> space + "/pages/" + c.parentId() + "?focusedCommentId=" + c.id();
        };
    }

    private void restriction(HttpExchange exchange, String id) throws IOException {
        if (!content.containsKey(id)) {
            sendJson(exchange, 404, Map.of("statusCode", 404, "message", "No content found with id: " + id));
            return;
        }
        List<Object> users = new ArrayList<>();
        for (String accountId : restrictedUsers.getOrDefault(id, Set.of())) {
            users.add(user(accountId, accountId, null));
        }
        List<Object> groupResults = new ArrayList<>();
        for (String groupId : restrictedGroups.getOrDefault(id, Set.of())) {
            Group g = groups.get(groupId);
            groupResults.add(dataCenter ? Map.of("type", "group", "name", groupId)
                    : Map.of("type", "group", "name", g == null ? groupId : g.name(), "id", groupId));
        }
        sendJson(exchange, 200, Map.of("operation", "read", "restrictions", Map.of(
                "user", Map.of("results", users, "start", 0, "limit", 200, "size", users.size()),
                "group", Map.of("results", groupResults, "start", 0, "limit", 200, "size", groupResults.size())),
                "_expandable", Map.of("content", "/rest/api/content/" + id),
                "_links", Map.of("base", base(), "context", dataCenter ? CONTEXT : "/wiki")));
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
        if (dataCenter) {
            v1Page(exchange, "/rest/api/content/search", q, all);
            return;
        }
        int from = q.containsKey("cursor") ? Integer.parseInt(new String(Base64.getUrlDecoder()
                .decode(q.get("cursor")), StandardCharsets.UTF_8)) : 0;
        List<Object> page = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("base", base());
        links.put("context", dataCenter ? CONTEXT : "/wiki");
        if (from + limit < all.size()) {
            links.put("next", "/rest/api/content/search?next=true&cursor=" + cursor(from + limit) + "&limit=" + limit
                    + "&cql=" + URLEncoder.encode(cql, StandardCharsets.UTF_8));
        }
        sendJson(exchange, 200, Map.of("results", page, "start", from, "limit", limit, "size", page.size(),
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
        links.put("base", base());
        sendJson(exchange, 200, Map.of("results", page, "_links", links));
    }

    private void v1Page(HttpExchange exchange, String path, Map<String, String> q, List<Object> all)
            throws IOException {
        int limit = Math.min(pageSize, Integer.parseInt(q.getOrDefault("limit", "25")));
        int start = Integer.parseInt(q.getOrDefault("start", "0"));
        List<Object> page = all.subList(Math.min(start, all.size()), Math.min(start + limit, all.size()));
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("base", base());
        links.put("context", dataCenter ? CONTEXT : "/wiki");
        if (start + limit < all.size()) {
            Map<String, String> next = new LinkedHashMap<>(q);
            next.put("start", Integer.toString(start + limit));
            next.put("limit", Integer.toString(limit));
            StringBuilder url = new StringBuilder(path).append('?');
            next.forEach((k, v) -> url.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                    .append('&'));
            url.setLength(url.length() - 1);
            links.put("next", url.toString());
        }
        sendJson(exchange, 200, Map.of("results", page, "start", start, "limit", limit, "size", page.size(),
                "_links", links));
    }

    private static String cursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(offset)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
