package dev.sextant.connectors.mediawiki;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A fake MediaWiki action API ({@code /w/api.php}, format version 2) for the connector's contract test and the
 * sync benchmark: {@code meta=siteinfo} (general, usergroups), {@code meta=tokens&type=login} and
 * {@code action=login} with session cookies, {@code generator=allpages} with {@code prop=info},
 * {@code prop=info|revisions} by {@code pageids} (content of at most {@link #contentPerResponse} pages per
 * response, the rest continued with {@code rvcontinue} as a real wiki does past its result size),
 * {@code list=recentchanges} and {@code list=logevents} (delete, move). Continuation is the current
 * {@code continue} protocol, or the legacy {@code query-continue} when {@link #legacyContinue} is set. Errors are
 * the API's error objects with the {@code MediaWiki-API-Error} header; {@code maxlag} comes with
 * {@code Retry-After} and {@code X-Database-Lag} and HTTP 200, as api.php sends it. Built from the API help pages
 * (Special:ApiHelp/query+allpages, +revisions, +recentchanges, +logevents, login) and Manual:Maxlag parameter.
 */
public final class MediaWikiServer implements AutoCloseable {

    /** One page and its revisions, newest last. */
    public record Page(long pageId, int ns, String title, List<Revision> revisions) {
        Revision latest() {
            return revisions.getLast();
        }
    }

    /** One revision. */
    public record Revision(long revId, Instant timestamp, String content) {
    }

    private record Change(long rcId, String type, int ns, String title, long pageId, long revId, Instant timestamp) {
    }

    private record LogEvent(long logId, String type, String action, int ns, String title, long pageId,
                            long logPage, Instant timestamp) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Integer, String> NAMESPACES = Map.of(0, "", 1, "Talk", 2, "User", 4, "Project",
            10, "Template", 14, "Category");

    private final HttpServer server;
    private final int pageSize;
    private final Map<Long, Page> pages = new TreeMap<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<LogEvent> log = new ArrayList<>();
    private final Map<String, String> bots = new HashMap<>();
    private final Map<String, String> loginTokens = new HashMap<>();
    private final Set<String> loggedIn = new HashSet<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger stalls = new AtomicInteger();
    private volatile int failureStatus;
    private volatile long maxlagSeconds = -1;
    private long nextPageId = 1;
    private long nextRevId = 1;
    private long nextRcId = 1;
    private long nextLogId = 1;
    private boolean anonymousRead = true;
    /** How many pages' content one {@code prop=revisions} response carries before it continues. */
    public volatile int contentPerResponse = 20;
    /** Answer with the legacy {@code query-continue} (MediaWiki before 1.26 by default) instead of {@code continue}. */
    public volatile boolean legacyContinue;

    /** A wiki whose lists answer at most {@code pageSize} items per response ({@code limit=max}). */
    public MediaWikiServer(int pageSize) throws IOException {
        this.pageSize = pageSize;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/w/api.php", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public URI api() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/w/api.php");
    }

    public int pageSize() {
        return pageSize;
    }

    /** Requests answered so far, failures included. */
    public int requests() {
        return requests.get();
    }

    /** A bot password, as Special:BotPasswords makes one: login name {@code User@bot}. */
    public synchronized void addBotPassword(String lgname, String password) {
        bots.put(lgname, password);
    }

    /** {@code $wgGroupPermissions['*']['read']}: false leaves reading to logged-in users. */
    public synchronized void anonymousRead(boolean allowed) {
        anonymousRead = allowed;
    }

    /** Creates a page (an edit of type {@code new}) and returns it. */
    public synchronized Page create(int ns, String title, String content) {
        return insert(ns, fullTitle(ns, title), content);
    }

    private Page insert(int ns, String full, String content) {
        Instant now = now();
        Page page = new Page(nextPageId++, ns, full, new ArrayList<>(List.of(new Revision(nextRevId++, now, content))));
        pages.put(page.pageId(), page);
        changes.add(new Change(nextRcId++, "new", ns, full, page.pageId(), page.latest().revId(), now));
        return page;
    }

    public synchronized void edit(long pageId, String content) {
        Page page = pages.get(pageId);
        Instant now = now();
        page.revisions().add(new Revision(nextRevId++, now, content));
        changes.add(new Change(nextRcId++, "edit", page.ns(), page.title(), pageId, page.latest().revId(), now));
    }

    /** Deletes a page: gone from every list, with a {@code delete/delete} log entry naming its old id. */
    public synchronized void delete(long pageId) {
        Page page = pages.remove(pageId);
        log.add(new LogEvent(nextLogId++, "delete", "delete", page.ns(), page.title(), 0, pageId, now()));
    }

    /** Moves a page (same id, a null revision) and leaves a redirect at the old title. */
    public synchronized void move(long pageId, int ns, String title) {
        Page page = pages.remove(pageId);
        String target = fullTitle(ns, title);
        Instant now = now();
        List<Revision> revisions = new ArrayList<>(page.revisions());
        revisions.add(new Revision(nextRevId++, now, page.latest().content()));
        pages.put(pageId, new Page(pageId, ns, target, revisions));
        insert(page.ns(), page.title(), "#REDIRECT [[" + target + "]]");
        log.add(new LogEvent(nextLogId++, "move", "move", page.ns(), page.title(), pageId, pageId, now));
    }

    public synchronized Map<Long, Page> pages() {
        return new TreeMap<>(pages);
    }

    public void failNext(int requests, int status) {
        failureStatus = status;
        failures.set(requests);
    }

    public void stallNext(int requests) {
        stalls.set(requests);
    }

    /** The next request is refused with {@code maxlag}, {@code Retry-After} this many seconds. */
    public void maxlagNext(long seconds) {
        maxlagSeconds = seconds;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String fullTitle(int ns, String title) {
        return ns == 0 ? title : NAMESPACES.get(ns) + ":" + title;
    }

    private static boolean isRedirect(Page page) {
        return page.latest().content().regionMatches(true, 0, "#REDIRECT", 0, 9);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            if (maxlagSeconds >= 0) {
                long seconds = maxlagSeconds;
                maxlagSeconds = -1;
                exchange.getResponseHeaders().add("Retry-After", Long.toString(seconds));
                exchange.getResponseHeaders().add("X-Database-Lag", Long.toString(seconds));
                error(exchange, "maxlag", "Waiting for db1: " + seconds + " seconds lagged.");
                return;
            }
            if (stalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                Thread.sleep(2_000);
            }
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                byte[] html = ("<!DOCTYPE html><html><head><title>Internal error - Fake Wiki</title></head><body>"
                        + "<p>[fake] Exception caught inside exception handler.</p></body></html>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(failureStatus, html.length);
                exchange.getResponseBody().write(html);
                return;
            }
            route(exchange, session(exchange), params(exchange));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String session(HttpExchange exchange) {
        String cookies = String.join("; ", exchange.getRequestHeaders().getOrDefault("Cookie", List.of()));
        for (String c : cookies.split(";")) {
            String pair = c.strip();
            if (pair.startsWith("fakewiki_session=")) {
                return pair.substring("fakewiki_session=".length());
            }
        }
        String session = UUID.randomUUID().toString().replace("-", "");
        exchange.getResponseHeaders().add("Set-Cookie", "fakewiki_session=" + session + "; path=/; HttpOnly");
        return session;
    }

    private synchronized void route(HttpExchange exchange, String session, Map<String, String> p) throws IOException {
        String action = p.getOrDefault("action", "help");
        if (action.equals("login")) {
            login(exchange, session, p);
            return;
        }
        if (!action.equals("query")) {
            error(exchange, "badvalue", "Unrecognized value for parameter \"action\": " + action + ".");
            return;
        }
        if ("tokens".equals(p.get("meta"))) {
            String token = UUID.randomUUID().toString().replace("-", "") + "+\\";
            loginTokens.put(session, token);
            send(exchange, Map.of("batchcomplete", true, "query", Map.of("tokens", Map.of("logintoken", token))));
            return;
        }
        if (!anonymousRead && !loggedIn.contains(session)) {
            error(exchange, "readapidenied", "You need read permission to use this module.");
            return;
        }
        if ("siteinfo".equals(p.get("meta"))) {
            siteinfo(exchange);
        } else if ("allpages".equals(p.get("generator"))) {
            allpages(exchange, p);
        } else if (p.containsKey("pageids")) {
            revisions(exchange, p);
        } else if ("recentchanges".equals(p.get("list"))) {
            recentchanges(exchange, p);
        } else if ("logevents".equals(p.get("list"))) {
            logevents(exchange, p);
        } else {
            error(exchange, "badvalue", "The fake wiki does not answer this query: " + p);
        }
    }

    private void login(HttpExchange exchange, String session, Map<String, String> p) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            error(exchange, "mustbeposted", "The \"login\" module requires a POST request.");
            return;
        }
        String token = loginTokens.get(session);
        Map<String, Object> login = new LinkedHashMap<>();
        if (token == null || !token.equals(p.get("lgtoken"))) {
            login.put("result", "WrongToken");
        } else if (!p.getOrDefault("lgpassword", "").equals(bots.get(p.getOrDefault("lgname", "")))) {
            login.put("result", "Failed");
            login.put("reason", "Incorrect username or password entered. Please try again.");
        } else {
            loggedIn.add(session);
            login.put("result", "Success");
            login.put("lguserid", 1);
            login.put("lgusername", p.get("lgname").split("@")[0]);
        }
        send(exchange, Map.of("login", login));
    }

    private void siteinfo(HttpExchange exchange) throws IOException {
        String server = "http://127.0.0.1:" + this.server.getAddress().getPort();
        Map<String, Object> general = new LinkedHashMap<>();
        general.put("mainpage", "Main Page");
        general.put("sitename", "Fake Wiki");
        general.put("generator", "MediaWiki 1.39.17");
        general.put("server", server);
        general.put("articlepath", "/wiki/$1");
        general.put("scriptpath", "/w");
        general.put("time", now().toString());
        List<String> anonymous = new ArrayList<>(List.of("createaccount", "editmyoptions"));
        if (anonymousRead) {
            anonymous.add("read");
        }
        List<Object> groups = List.of(Map.of("name", "*", "rights", anonymous),
                Map.of("name", "user", "rights", List.of("read", "edit", "move")),
                Map.of("name", "bot", "rights", List.of("bot", "apihighlimits")));
        send(exchange, Map.of("batchcomplete", true, "query", Map.of("general", general, "usergroups", groups)));
    }

    private void allpages(HttpExchange exchange, Map<String, String> p) throws IOException {
        int ns = Integer.parseInt(p.getOrDefault("gapnamespace", "0"));
        String from = p.getOrDefault("gapcontinue", "");
        String filter = p.getOrDefault("gapfilterredir", "all");
        List<Page> matching = pages.values().stream().filter(pg -> pg.ns() == ns)
                .filter(pg -> filter.equals("all") || filter.equals("redirects") == isRedirect(pg))
                .sorted((a, b) -> a.title().compareTo(b.title()))
                .filter(pg -> dbKey(pg.title()).compareTo(from) >= 0).toList();
        int limit = limit(p.get("gaplimit"));
        List<Object> out = new ArrayList<>();
        for (Page page : matching.subList(0, Math.min(limit, matching.size()))) {
            Map<String, Object> m = info(page);
            m.put("lastrevid", page.latest().revId());
            out.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (matching.size() > limit) {
            continueWith(body, "allpages", Map.of("gapcontinue", dbKey(matching.get(limit).title())), "gapcontinue||");
        } else {
            body.put("batchcomplete", true);
        }
        body.put("query", Map.of("pages", out));
        send(exchange, body);
    }

    private void revisions(HttpExchange exchange, Map<String, String> p) throws IOException {
        List<Long> ids = Arrays.stream(p.get("pageids").split("\\|")).map(Long::parseLong).toList();
        if (ids.size() > 50) {
            error(exchange, "toomanyvalues", "Too many values supplied for parameter \"pageids\". The limit is 50.");
            return;
        }
        long resumeAt = p.containsKey("rvcontinue") ? Long.parseLong(p.get("rvcontinue").split("\\|")[0]) : 0;
        List<Object> out = new ArrayList<>();
        int withContent = 0;
        Long continueAt = null;
        for (long id : ids.stream().sorted().toList()) {
            Page page = pages.get(id);
            if (page == null) {
                out.add(Map.of("pageid", id, "missing", true));
                continue;
            }
            Map<String, Object> m = info(page);
            if (id >= resumeAt && continueAt == null) {
                if (withContent < contentPerResponse) {
                    withContent++;
                    Revision r = page.latest();
                    m.put("revisions", List.of(Map.of("revid", r.revId(), "parentid", r.revId() - 1,
                            "timestamp", r.timestamp().toString(), "slots", Map.of("main", Map.of(
                                    "contentmodel", "wikitext", "contentformat", "text/x-wiki",
                                    "content", r.content())))));
                } else {
                    continueAt = id;
                }
            }
            out.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (continueAt != null) {
            continueWith(body, "revisions", Map.of("rvcontinue", continueAt + "|" + pages.get(continueAt).latest()
                    .revId()), "||");
        } else {
            body.put("batchcomplete", true);
        }
        body.put("query", Map.of("pages", out));
        send(exchange, body);
    }

    private void recentchanges(HttpExchange exchange, Map<String, String> p) throws IOException {
        Instant start = Instant.parse(p.getOrDefault("rcstart", Instant.EPOCH.toString()));
        Set<Integer> namespaces = p.containsKey("rcnamespace") ? Arrays.stream(p.get("rcnamespace").split("\\|"))
                .map(Integer::parseInt).collect(Collectors.toSet()) : null;
        Set<String> types = Set.of(p.getOrDefault("rctype", "edit|new|log").split("\\|"));
        long from = p.containsKey("rccontinue") ? Long.parseLong(p.get("rccontinue").split("\\|")[1]) : 0;
        List<Change> matching = changes.stream().filter(c -> !c.timestamp().isBefore(start))
                .filter(c -> namespaces == null || namespaces.contains(c.ns())).filter(c -> types.contains(c.type()))
                .filter(c -> c.rcId() >= from).toList();
        int limit = limit(p.get("rclimit"));
        List<Object> out = new ArrayList<>();
        for (Change c : matching.subList(0, Math.min(limit, matching.size()))) {
            out.add(Map.of("type", c.type(), "ns", c.ns(), "title", c.title(), "pageid", c.pageId(),
                    "revid", c.revId(), "old_revid", c.revId() - 1, "rcid", c.rcId(),
                    "timestamp", c.timestamp().toString()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (matching.size() > limit) {
            Change next = matching.get(limit);
            continueWith(body, "recentchanges", Map.of("rccontinue", next.timestamp() + "|" + next.rcId()), "-||");
        } else {
            body.put("batchcomplete", true);
        }
        body.put("query", Map.of("recentchanges", out));
        send(exchange, body);
    }

    private void logevents(HttpExchange exchange, Map<String, String> p) throws IOException {
        Instant start = Instant.parse(p.getOrDefault("lestart", Instant.EPOCH.toString()));
        String type = p.get("letype");
        long from = p.containsKey("lecontinue") ? Long.parseLong(p.get("lecontinue").split("\\|")[1]) : 0;
        List<LogEvent> matching = log.stream().filter(e -> !e.timestamp().isBefore(start))
                .filter(e -> type == null || type.equals(e.type())).filter(e -> e.logId() >= from).toList();
        int limit = limit(p.get("lelimit"));
        List<Object> out = new ArrayList<>();
        for (LogEvent e : matching.subList(0, Math.min(limit, matching.size()))) {
            out.add(Map.of("logid", e.logId(), "ns", e.ns(), "title", e.title(), "pageid", e.pageId(),
                    "logpage", e.logPage(), "type", e.type(), "action", e.action(),
                    "timestamp", e.timestamp().toString()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (matching.size() > limit) {
            LogEvent next = matching.get(limit);
            continueWith(body, "logevents", Map.of("lecontinue", next.timestamp() + "|" + next.logId()), "-||");
        } else {
            body.put("batchcomplete", true);
        }
        body.put("query", Map.of("logevents", out));
        send(exchange, body);
    }

    private void continueWith(Map<String, Object> body, String module, Map<String, String> params, String marker) {
        if (legacyContinue) {
            body.put("query-continue", Map.of(module, params));
        } else {
            Map<String, Object> c = new LinkedHashMap<>(params);
            c.put("continue", marker);
            body.put("continue", c);
        }
    }

    private static Map<String, Object> info(Page page) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pageid", page.pageId());
        m.put("ns", page.ns());
        m.put("title", page.title());
        m.put("contentmodel", "wikitext");
        m.put("lastrevid", page.latest().revId());
        m.put("length", page.latest().content().length());
        if (isRedirect(page)) {
            m.put("redirect", true);
        }
        return m;
    }

    private int limit(String value) {
        if (value == null || value.equals("max")) {
            return pageSize;
        }
        return Math.min(pageSize, Integer.parseInt(value));
    }

    private static String dbKey(String title) {
        return title.replace(' ', '_');
    }

    private static void error(HttpExchange exchange, String code, String info) throws IOException {
        exchange.getResponseHeaders().add("MediaWiki-API-Error", code);
        send(exchange, Map.of("error", Map.of("code", code, "info", info,
                "docref", "See https://www.mediawiki.org/w/api.php for API usage.")));
    }

    private static void send(HttpExchange exchange, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> params(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        parse(exchange.getRequestURI().getRawQuery(), params);
        if (exchange.getRequestMethod().equals("POST")) {
            parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), params);
        }
        return params;
    }

    private static void parse(String form, Map<String, String> into) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            into.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
