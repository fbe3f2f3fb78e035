package dev.sextant.connectors.gdrive;

import static dev.sextant.connectors.gdrive.GoogleWire.badRequest;
import static dev.sextant.connectors.gdrive.GoogleWire.bytes;
import static dev.sextant.connectors.gdrive.GoogleWire.error;
import static dev.sextant.connectors.gdrive.GoogleWire.fileMask;
import static dev.sextant.connectors.gdrive.GoogleWire.insufficientScopes;
import static dev.sextant.connectors.gdrive.GoogleWire.mask;
import static dev.sextant.connectors.gdrive.GoogleWire.pageSize;
import static dev.sextant.connectors.gdrive.GoogleWire.parse;
import static dev.sextant.connectors.gdrive.GoogleWire.query;
import static dev.sextant.connectors.gdrive.GoogleWire.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A local Google Workspace for connector tests: Drive API v3 ({@code about}, {@code files.list} with
 * {@code corpora}/{@code driveId}/{@code q}/paging, {@code files.get} with {@code alt=media}, {@code files.export}
 * with its 10 MB limit, {@code permissions.list}, {@code drives.list}, {@code changes.getStartPageToken},
 * {@code changes.list}), Admin SDK Directory v1 ({@code groups.list}, {@code members.list}) and the OAuth token
 * endpoint ({@link FakeGoogleAuth}). Every API call needs a live bearer token with a scope that covers it; errors
 * use Google's JSON envelope with the documented reasons; {@code fields} narrows every response.
 */
public final class FakeDrive implements AutoCloseable {

    private static final long EXPORT_LIMIT = 10L * 1024 * 1024;
    private static final Set<String> DRIVE_SCOPES = Set.of(DriveConnectorFactory.DRIVE_SCOPE,
            "https://www.googleapis.com/auth/drive");
    private static final Set<String> GROUP_SCOPES = Set.of(DriveConnectorFactory.GROUP_SCOPE,
            DriveConnectorFactory.MEMBER_SCOPE, "https://www.googleapis.com/auth/admin.directory.group");

    public final FakeDriveData data;
    public final FakeGoogleAuth auth = new FakeGoogleAuth();
    private final int maxPage;
    private final GoogleWire wire;
    private final FakeDirectoryApi directory;
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger downloads = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger stalls = new AtomicInteger();
    private final List<String> changeTokens = Collections.synchronizedList(new ArrayList<>());
    private volatile int failureStatus;
    private volatile long retryAfterSeconds = -1;
    private volatile String refusalReason;
    private final AtomicInteger refusals = new AtomicInteger();
    private final Set<String> hiddenPermissions = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** @param maxPage the most items one page holds, whatever the client asks (the API may return fewer) */
    public FakeDrive(String subject, int maxPage) throws IOException {
        this.data = new FakeDriveData(subject);
        this.maxPage = maxPage;
        this.wire = new GoogleWire(maxPage);
        this.directory = new FakeDirectoryApi(data, wire);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String driveBase() {
        return root() + "/drive/v3";
    }

    public String adminBase() {
        return root() + "/admin/directory/v1";
    }

    public String tokenUri() {
        return root() + "/token";
    }

    /** Requests served so far, token requests included. */
    public int requests() {
        return requests.get();
    }

    /** {@code alt=media} downloads and exports served so far. */
    public int downloads() {
        return downloads.get();
    }

    /** The {@code pageToken}s {@code changes.list} was called with, in order. */
    public List<String> changeTokens() {
        return List.copyOf(changeTokens);
    }

    /** The next API request is answered 429 {@code rateLimitExceeded} with {@code Retry-After}. */
    public void rateLimitNext(long retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The next {@code requests} API requests are answered 403 with this reason ({@code userRateLimitExceeded}, ...). */
    public void refuseNext(int requests, String reason) {
        refusalReason = reason;
        refusals.set(requests);
    }

    /** {@code permissions.list} of this file answers 403 {@code insufficientFilePermissions}. */
    public void hidePermissionsOf(String fileId) {
        hiddenPermissions.add(fileId);
    }

    public void failNext(int requests, int status) {
        failureStatus = status;
        failures.set(requests);
    }

    public void stallNext(int requests) {
        stalls.set(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/token")) {
                token(exchange);
                return;
            }
            if (stalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                Thread.sleep(2_000);
            }
            if (retryAfterSeconds >= 0) {
                exchange.getResponseHeaders().add("Retry-After", Long.toString(retryAfterSeconds));
                retryAfterSeconds = -1;
                error(exchange, 429, "Rate Limit Exceeded", "usageLimits", "rateLimitExceeded");
                return;
            }
            if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                error(exchange, 403, refusalReason.equals("dailyLimitExceeded") ? "Daily Limit Exceeded"
                        : "User Rate Limit Exceeded", "usageLimits", refusalReason);
                return;
            }
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                error(exchange, failureStatus, failureStatus == 503 ? "Service Unavailable" : "Internal Error",
                        "global", "backendError");
                return;
            }
            Set<String> scopes = bearer(exchange);
            if (scopes == null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\"");
                error(exchange, 401, "Request had invalid authentication credentials. Expected OAuth 2 access token,"
                        + " login cookie or other valid authentication credential.", "global", "authError");
                return;
            }
            Map<String, String> q = query(exchange.getRequestURI());
            if (path.startsWith("/drive/v3/")) {
                if (Collections.disjoint(scopes, DRIVE_SCOPES)) {
                    insufficientScopes(exchange);
                    return;
                }
                synchronized (data) {
                    drive(exchange, path.substring("/drive/v3".length()), q);
                }
            } else if (path.startsWith("/admin/directory/v1/")) {
                if (Collections.disjoint(scopes, GROUP_SCOPES)) {
                    insufficientScopes(exchange);
                    return;
                }
                synchronized (data) {
                    directory.route(exchange, path.substring("/admin/directory/v1".length()), q);
                }
            } else {
                error(exchange, 404, "Not Found", "global", "notFound");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, Map.of("error", "invalid_request", "error_description", "POST only"));
            return;
        }
        FakeGoogleAuth.Answer answer = auth.token(form, tokenUri(), data.users());
        send(exchange, answer.status(), answer.body());
    }

    private Set<String> bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header == null || !header.startsWith("Bearer ") ? null : auth.scopes(header.substring(7));
    }

    private void drive(HttpExchange exchange, String path, Map<String, String> q) throws IOException {
        String[] parts = path.substring(1).split("/");
        boolean allDrives = "true".equals(q.get("supportsAllDrives"));
        switch (parts[0]) {
            case "about" -> send(exchange, 200, mask(q).apply(JsonNodeFactory.instance.objectNode()
                    .put("kind", "drive#about").set("user", JsonNodeFactory.instance.objectNode()
                            .put("kind", "drive#user").put("emailAddress", data.subject)
                            .put("displayName", "Workspace Admin"))));
            case "drives" -> drivesList(exchange, q);
            case "changes" -> {
                if (parts.length > 1 && parts[1].equals("startPageToken")) {
                    send(exchange, 200, JsonNodeFactory.instance.objectNode().put("kind", "drive#startPageToken")
                            .put("startPageToken", Integer.toString(data.changes.size() + 1)));
                } else {
                    changesList(exchange, q);
                }
            }
            case "files" -> {
                if (parts.length == 1) {
                    filesList(exchange, q);
                    return;
                }
                String id = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
                if (parts.length == 3 && parts[2].equals("permissions")) {
                    permissionsList(exchange, id, q, allDrives);
                    return;
                }
                FakeDriveData.File file = data.files.get(id);
                boolean export = parts.length == 3 && parts[2].equals("export");
                if (file == null || !data.visible(file) || (file.driveId != null && !allDrives && !export)) {
                    error(exchange, 404, "File not found: " + id + ".", "global", "notFound");
                } else if (export) {
                    export(exchange, file, q.getOrDefault("mimeType", ""));
                } else if ("media".equals(q.get("alt"))) {
                    media(exchange, file);
                } else {
                    send(exchange, 200, fileMask(q, "id,name,mimeType,kind").apply(data.json(file)));
                }
            }
            default -> error(exchange, 404, "Not Found", "global", "notFound");
        }
    }

    private void filesList(HttpExchange exchange, Map<String, String> q) throws IOException {
        String corpora = q.getOrDefault("corpora", "user");
        String driveId = q.get("driveId");
        if (corpora.equals("drive") != (driveId != null)) {
            badRequest(exchange, "The driveId parameter must be specified if and only if corpora is set to drive.",
                    "driveId");
            return;
        }
        if (driveId != null && !"true".equals(q.get("includeItemsFromAllDrives"))) {
            badRequest(exchange, "The includeItemsFromAllDrives parameter must be set to true when driveId is set.",
                    "includeItemsFromAllDrives");
            return;
        }
        if (driveId != null && (!data.drives.containsKey(driveId) || !data.member(data.drives.get(driveId)))) {
            error(exchange, 404, "Shared drive not found: " + driveId, "global", "notFound");
            return;
        }
        Predicate<FakeDriveData.File> matches;
        try {
            matches = FakeDriveQuery.parse(q.getOrDefault("q", ""), data.subject);
        } catch (IllegalArgumentException e) {
            badRequest(exchange, "Invalid Value", "q");
            return;
        }
        List<FakeDriveData.File> all = new ArrayList<>();
        for (FakeDriveData.File f : data.files.values()) {
            boolean inCorpus = driveId != null ? driveId.equals(f.driveId)
                    : f.driveId == null || ("true".equals(q.get("includeItemsFromAllDrives")) && data.visible(f));
            if (inCorpus && matches.test(f)) {
                all.add(f);
            }
        }
        wire.page(exchange, q, all, data::json, "files", "drive#fileList", 1000, "pageSize", fileMask(q,
                "nextPageToken,kind,incompleteSearch,files(id,name,mimeType,kind)"));
    }

    private void permissionsList(HttpExchange exchange, String id, Map<String, String> q, boolean allDrives)
            throws IOException {
        if (hiddenPermissions.contains(id)) {
            error(exchange, 403, "The user does not have sufficient permissions for this file.", "global",
                    "insufficientFilePermissions");
            return;
        }
        ArrayNode permissions;
        FakeDriveData.Drive drive = data.drives.get(id);
        FakeDriveData.File file = data.files.get(id);
        if (drive != null && allDrives && (data.member(drive) || "true".equals(q.get("useDomainAdminAccess")))) {
            permissions = data.driveMembers(drive);
        } else if (file != null && data.visible(file) && (file.driveId == null || allDrives)) {
            permissions = data.permissions(file);
        } else {
            error(exchange, 404, "File not found: " + id + ".", "global", "notFound");
            return;
        }
        List<JsonNode> all = new ArrayList<>();
        permissions.forEach(all::add);
        wire.page(exchange, q, all, "permissions", "drive#permissionList", 100, mask(q));
    }

    private void drivesList(HttpExchange exchange, Map<String, String> q) throws IOException {
        boolean admin = "true".equals(q.get("useDomainAdminAccess"));
        List<JsonNode> all = new ArrayList<>();
        for (FakeDriveData.Drive d : data.drives.values()) {
            if (admin || data.member(d)) {
                all.add(JsonNodeFactory.instance.objectNode().put("kind", "drive#drive").put("id", d.id())
                        .put("name", d.name()));
            }
        }
        wire.page(exchange, q, all, "drives", "drive#driveList", 100, mask(q));
    }

    private void changesList(HttpExchange exchange, Map<String, String> q) throws IOException {
        String token = q.get("pageToken");
        int from;
        try {
            from = Integer.parseInt(token == null ? "" : token) - 1;
        } catch (NumberFormatException e) {
            badRequest(exchange, token == null ? "Required parameter: pageToken" : "Invalid Value", "pageToken");
            return;
        }
        if (from < 0 || from > data.changes.size()) {
            badRequest(exchange, "Invalid Value", "pageToken");
            return;
        }
        changeTokens.add(token);
        boolean allDrives = "true".equals(q.get("includeItemsFromAllDrives"));
        boolean removed = !"false".equals(q.get("includeRemoved"));
        int size = Math.min(maxPage, pageSize(q, 100, 1000));
        ArrayNode changes = JsonNodeFactory.instance.arrayNode();
        int at = from;
        for (; at < data.changes.size() && changes.size() < size; at++) {
            String fileId = data.changes.get(at);
            FakeDriveData.File f = data.files.get(fileId);
            ObjectNode change = JsonNodeFactory.instance.objectNode().put("kind", "drive#change")
                    .put("changeType", "file").put("fileId", fileId).put("time", "2026-11-02T10:00:00Z");
            if (f != null && f.driveId != null && !allDrives) {
                continue;
            }
            if (f == null || !data.visible(f)) {
                if (!removed) {
                    continue;
                }
                change.put("removed", true);
            } else {
                change.put("removed", false).set("file", data.json(f));
                if (f.driveId != null) {
                    change.put("driveId", f.driveId);
                }
            }
            changes.add(change);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("kind", "drive#changeList");
        if (at < data.changes.size()) {
            body.put("nextPageToken", Integer.toString(at + 1));
        } else {
            body.put("newStartPageToken", Integer.toString(data.changes.size() + 1));
        }
        body.set("changes", changes);
        send(exchange, 200, mask(q).apply(body));
    }

    private void export(HttpExchange exchange, FakeDriveData.File file, String mimeType) throws IOException {
        boolean known = switch (file.mimeType) {
            case FakeDriveData.DOC, FakeDriveData.SLIDES -> mimeType.equals("text/plain");
            case FakeDriveData.SHEET -> mimeType.equals("text/csv");
            default -> false;
        };
        if (!file.isGoogleType() || file.mimeType.equals(FakeDriveData.FOLDER)) {
            error(exchange, 403, "Export only supports Docs Editors files.", "global", "fileNotExportable");
        } else if (!known) {
            badRequest(exchange, "The requested conversion is not supported.", "convertTo");
        } else if (file.content.length > EXPORT_LIMIT) {
            error(exchange, 403, "This file is too large to be exported.", "global", "exportSizeLimitExceeded");
        } else {
            downloads.incrementAndGet();
            byte[] bom = mimeType.equals("text/plain") ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
                    : new byte[0];
            byte[] body = new byte[bom.length + file.content.length];
            System.arraycopy(bom, 0, body, 0, bom.length);
            System.arraycopy(file.content, 0, body, bom.length, file.content.length);
            bytes(exchange, 200, mimeType, body);
        }
    }

    private void media(HttpExchange exchange, FakeDriveData.File file) throws IOException {
        if (file.isGoogleType()) {
            error(exchange, 403, "Only files with binary content can be downloaded. Use Export with Docs Editors"
                    + " files.", "global", "fileNotDownloadable");
            return;
        }
        downloads.incrementAndGet();
        bytes(exchange, 200, file.mimeType, file.content);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
