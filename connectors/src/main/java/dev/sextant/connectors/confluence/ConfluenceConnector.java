package dev.sextant.connectors.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.acl.Acl;
import dev.sextant.acl.Principal;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.extract.ExtractedText;
import dev.sextant.connectors.extract.ExtractionException;
import dev.sextant.connectors.extract.TextExtractor;
import dev.sextant.connectors.spi.ChangeSink;
import dev.sextant.connectors.spi.ConnectionCheck;
import dev.sextant.connectors.spi.DocumentFetch;
import dev.sextant.connectors.spi.DocumentSink;
import dev.sextant.connectors.spi.FullLoad;
import dev.sextant.connectors.spi.GroupSink;
import dev.sextant.connectors.spi.GroupSync;
import dev.sextant.connectors.spi.IdentityDiscovery;
import dev.sextant.connectors.spi.IncrementalPoll;
import dev.sextant.connectors.spi.SlimDocument;
import dev.sextant.connectors.spi.SlimListing;
import dev.sextant.connectors.spi.SlimSink;
import dev.sextant.connectors.spi.SourceCheckException;
import dev.sextant.connectors.spi.SourceConnector;
import dev.sextant.connectors.spi.SourceIdentity;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One Confluence site, Cloud or Data Center: the pages, blog posts, footer comments and attachments of its spaces
 * (include/exclude by key). On Cloud, REST v2 lists spaces, pages, blog posts and attachments and reads content;
 * on Data Center, v1 {@code /rest/api/space} and {@code /rest/api/content?spaceKey=&type=} (paged by
 * {@code start}/{@code limit} and {@code _links.next}) do. Both use v1 for read restrictions, groups and CQL
 * (comments are listed by CQL per space). Ids: {@code <source>:page:<id>}, {@code <source>:blogpost:<id>},
 * {@code <source>:comment:<id>}, {@code <source>:attachment:<id>} (a comment or attachment is readable by whoever
 * may read its page); content version: the version number. Permissions: {@link ConfluencePermissions}.
 * The incremental poll asks CQL for content modified since the cursor; the slim listing that follows it (current
 * content only) deletes what was trashed, archived or deleted and applies restriction changes without
 * re-embedding.
 */
public final class ConfluenceConnector implements SourceConnector, FullLoad, IncrementalPoll, SlimListing,
        DocumentFetch, GroupSync, IdentityDiscovery, ConnectionCheck {

    /** CQL dates have minutes; a poll reaches back this far past its cursor so nothing falls between two. */
    static final Duration POLL_OVERLAP = Duration.ofMinutes(2);
    private static final DateTimeFormatter CQL_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final Set<String> TYPES = Set.of("page", "blogpost", "comment", "attachment");

    /** Which Confluence the site is. */
    public enum Deployment {
        /** Confluence Cloud (REST v2 and v1 under {@code /wiki}). */
        CLOUD,
        /** Confluence Data Center or Server (REST v1 under the base URL, context path included). */
        DATACENTER
    }

    /**
     * How a source is set up.
     *
     * @param site        the site root, e.g. {@code https://acme.atlassian.net}, or on Data Center the base URL
     *                    with its context path, e.g. {@code https://wiki.example.com/confluence}
     * @param include     space keys to index; empty for every space the account can read
     * @param exclude     space keys never indexed
     * @param attachments whether attachments are indexed
     */
    public record Config(String sourceId, URI site, Set<String> include, Set<String> exclude, Deployment deployment,
                         boolean attachments) {
        public Config {
            include = Set.copyOf(include);
            exclude = Set.copyOf(exclude);
        }

        /** A Cloud site with attachments indexed. */
        public Config(String sourceId, URI site, Set<String> include, Set<String> exclude) {
            this(sourceId, site, include, exclude, Deployment.CLOUD, true);
        }

        boolean dataCenter() {
            return deployment == Deployment.DATACENTER;
        }
    }

    private record Space(String id, String key) {
    }

    /** Where a comment or attachment lives. */
    private record Container(String type, String id) {
    }

    /** An attachment read, or why it was left out. */
    private record Attachment(Optional<SourceDocument> document, String skipped) {
    }

    private final Config config;
    private final ConfluenceApi api;
    private final Clock clock;
    private final TextExtractor extractor;
    private final long maxFileBytes;
    private final Map<String, SourceIdentity> identities = new LinkedHashMap<>();

    ConfluenceConnector(Config config, ConfluenceApi api, Clock clock, TextExtractor extractor, long maxFileBytes) {
        this.config = config;
        this.api = api;
        this.clock = clock;
        this.extractor = extractor;
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public String id() {
        return config.sourceId();
    }

    @Override
    public String kind() {
        return "confluence";
    }

    @Override
    public void loadAll(DocumentSink sink) throws IOException, InterruptedException {
        list(permissions(), (item, slim) -> {
            if (!sink.offer(slim)) {
                return;
            }
            if (item.type().equals("attachment")) {
                Attachment attachment = attachment(item.json(), slim.acl());
                if (attachment.document().isPresent()) {
                    sink.upsert(attachment.document().get());
                } else {
                    sink.skip(slim.id(), attachment.skipped());
                }
                return;
            }
            Optional<SourceDocument> document = read(item.type(), item.id())
                    .map(json -> document(item.type(), json, slim.acl()));
            if (document.isPresent()) {
                sink.upsert(document.get());
            } else {
                sink.skip(slim.id(), "gone between listing and reading");
            }
        });
    }

    @Override
    public void listSlim(SlimSink sink) throws IOException, InterruptedException {
        list(permissions(), (item, slim) -> sink.document(slim));
    }

    @Override
    public String currentCursor() {
        return clock.instant().toString();
    }

    @Override
    public String poll(String cursor, ChangeSink sink) throws IOException, InterruptedException {
        Instant now = clock.instant();
        Instant since;
        try {
            since = Instant.parse(cursor).minus(POLL_OVERLAP);
        } catch (DateTimeParseException e) {
            since = Instant.EPOCH;
        }
        StringBuilder cql = new StringBuilder("type in (page,blogpost,comment")
                .append(config.attachments() ? ",attachment" : "").append(") and lastmodified >= \"")
                .append(CQL_DATE.format(since)).append('"');
        if (!config.include().isEmpty()) {
            cql.append(" and space in (").append(String.join(",", config.include().stream()
                    .map(k -> "\"" + k + "\"").toList())).append(')');
        }
        cql.append(" order by lastmodified asc");
        List<String> changed = new ArrayList<>();
        ConfluencePermissions permissions = permissions();
        api.list(api.v1("/content/search?limit=50&cql=" + URLEncoder.encode(cql.toString(),
                StandardCharsets.UTF_8)), content -> changed.add(documentId(content.path("type").asText(),
                content.path("id").asText())));
        for (String id : new LinkedHashSet<>(changed)) {
            Optional<SourceDocument> document = fetch(id, permissions);
            if (document.isEmpty()) {
                sink.delete(id);
            } else if (sink.offer(new SlimDocument(id, document.get().version(), document.get().acl()))) {
                sink.upsert(document.get());
            }
        }
        return now.toString();
    }

    @Override
    public Optional<SourceDocument> fetch(String documentId) throws IOException, InterruptedException {
        return fetch(documentId, permissions());
    }

    /** One item, its ACL from {@code permissions}, which a poll shares across the items it re-reads. */
    private Optional<SourceDocument> fetch(String documentId, ConfluencePermissions permissions)
            throws IOException, InterruptedException {
        String[] parts = documentId.substring(config.sourceId().length() + 1).split(":", 2);
        if (parts.length != 2 || !TYPES.contains(parts[0])
                || parts[0].equals("attachment") && !config.attachments()) {
            return Optional.empty();
        }
        Optional<JsonNode> item = read(parts[0], parts[1]);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        Container container = new Container(parts[0], parts[1]);
        JsonNode containerJson = item.get();
        if (parts[0].equals("comment") || parts[0].equals("attachment")) {
            Optional<Container> of = containerOf(item.get());
            Optional<JsonNode> found = of.isEmpty() ? Optional.empty() : read(of.get().type(), of.get().id());
            if (found.isEmpty()) {
                return Optional.empty();
            }
            container = of.get();
            containerJson = found.get();
        }
        if (!wanted(spaceKey(containerJson))) {
            return Optional.empty();
        }
        if (container.type().equals("page")) {
            permissions.parent(container.id(), containerJson);
        }
        Acl acl = permissions.acl(spaceId(containerJson), container.id(), container.type().equals("page"));
        if (parts[0].equals("attachment")) {
            return attachment(item.get(), acl).document();
        }
        return Optional.of(document(parts[0], item.get(), acl));
    }

    @Override
    public void syncGroups(GroupSink sink) throws IOException, InterruptedException {
        identities.clear();
        ConfluencePermissions permissions = permissions();
        api.list(api.v1("/group?limit=200"), group -> {
            String name = group.path("name").asText();
            String id = group.path("id").asText(name);
            String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8);
            Set<Principal> members = new LinkedHashSet<>();
            api.list(config.dataCenter() ? api.v1("/group/" + encoded.replace("+", "%20") + "/member?limit=200")
                    : api.v1("/group/member?limit=200&name=" + encoded), user -> {
                        String account = permissions.userId(user);
                        if (!account.isEmpty()) {
                            Principal principal = Principal.account(ConfluencePermissions.SOURCE, account);
                            members.add(principal);
                            String email = user.path("email").asText("");
                            identities.putIfAbsent(account, new SourceIdentity(principal,
                                    user.path("publicName").asText(user.path("displayName").asText(account)),
                                    email.contains("@") ? Optional.of(email) : Optional.empty()));
                        }
                    });
            sink.group(Principal.group(ConfluencePermissions.SOURCE, id), members);
        });
    }

    /** The accounts seen as group members in {@link #syncGroups}, which the framework runs first. */
    @Override
    public void discoverIdentities(Consumer<SourceIdentity> sink) throws IOException, InterruptedException {
        if (identities.isEmpty()) {
            syncGroups((group, members) -> { });
        }
        identities.values().forEach(sink);
    }

    @Override
    public void check() throws SourceCheckException, InterruptedException {
        try {
            JsonNode spaces = api.get(config.dataCenter() ? api.v1("/space?limit=1") : "/wiki/api/v2/spaces?limit=1");
            String key = spaces.path("results").path(0).path("key").asText("");
            if (config.dataCenter() && !key.isEmpty() && api.findPermitted(api.v1("/space/"
                    + URLEncoder.encode(key, StandardCharsets.UTF_8) + "/permissions")).isEmpty()) {
                throw new SourceCheckException("Confluence at " + config.site().getHost() + " does not let this token"
                        + " read space permissions (GET /rest/api/space/" + key + "/permissions: 403 or 404): every"
                        + " document would admit nobody. Use Confluence Data Center 9.1 or later and a token of a user"
                        + " who administers the spaces");
            }
        } catch (java.net.ConnectException | java.net.UnknownHostException e) {
            throw new SourceCheckException("cannot reach host " + config.site().getHost(), e);
        } catch (IOException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException) {
                throw new SourceCheckException("cannot reach host " + config.site().getHost(), e);
            }
            throw new SourceCheckException(e.getMessage(), e);
        }
    }

    /** One listed item, with what the listing said of it. */
    private record Listed(String type, String id, JsonNode json) {
    }

    @FunctionalInterface
    private interface Visitor {
        void visit(Listed item, SlimDocument slim) throws IOException, InterruptedException;
    }

    private ConfluencePermissions permissions() {
        return new ConfluencePermissions(api, config.dataCenter());
    }

    private void list(ConfluencePermissions permissions, Visitor visitor) throws IOException, InterruptedException {
        for (Space space : spaces()) {
            List<JsonNode> pages = contentOf(space, "page");
            pages.forEach(p -> permissions.parent(p.path("id").asText(), p));
            for (JsonNode page : pages) {
                String id = page.path("id").asText();
                Acl acl = permissions.acl(space.id(), id, true);
                visitor.visit(new Listed("page", id, page), new SlimDocument(documentId("page", id), version(page),
                        acl));
                attachments(new Container("page", id), acl, visitor);
            }
            for (JsonNode post : contentOf(space, "blogpost")) {
                String id = post.path("id").asText();
                Acl acl = permissions.acl(space.id(), id, false);
                visitor.visit(new Listed("blogpost", id, post), new SlimDocument(documentId("blogpost", id),
                        version(post), acl));
                attachments(new Container("blogpost", id), acl, visitor);
            }
            List<JsonNode> comments = new ArrayList<>();
            api.list(api.v1("/content/search?limit=50&expand=container,version,extensions&cql="
                    + URLEncoder.encode("type=comment and space=\"" + space.key() + "\"", StandardCharsets.UTF_8)),
                    comments::add);
            for (JsonNode comment : comments) {
                JsonNode container = comment.path("container");
                String containerType = container.path("type").asText();
                if ("inline".equals(comment.path("extensions").path("location").asText())
                        || !"current".equals(comment.path("status").asText("current"))
                        || !(containerType.equals("page") || containerType.equals("blogpost"))) {
                    continue;
                }
                String id = comment.path("id").asText();
                visitor.visit(new Listed("comment", id, comment), new SlimDocument(documentId("comment", id),
                        version(comment), permissions.acl(space.id(), container.path("id").asText(),
                        containerType.equals("page"))));
            }
        }
    }

    /** The current pages or blog posts of a space: v2 on Cloud, v1 with their ancestors on Data Center. */
    private List<JsonNode> contentOf(Space space, String type) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        if (config.dataCenter()) {
            api.list(api.v1("/content?type=" + type + "&status=current&limit=100&expand=version,ancestors,space"
                    + "&spaceKey=" + URLEncoder.encode(space.key(), StandardCharsets.UTF_8)), items::add);
        } else if (type.equals("page")) {
            api.list("/wiki/api/v2/spaces/" + space.id() + "/pages?limit=250&status=current", items::add);
        } else {
            api.list("/wiki/api/v2/blogposts?limit=250&status=current&space-id=" + space.id(), items::add);
        }
        return items;
    }

    private void attachments(Container container, Acl acl, Visitor visitor) throws IOException, InterruptedException {
        if (!config.attachments()) {
            return;
        }
        List<JsonNode> attachments = new ArrayList<>();
        api.list(config.dataCenter()
                ? api.v1("/content/" + container.id() + "/child/attachment?limit=100&expand=version,extensions")
                : "/wiki/api/v2/" + (container.type().equals("page") ? "pages/" : "blogposts/") + container.id()
                        + "/attachments?limit=250&status=current", attachments::add);
        for (JsonNode attachment : attachments) {
            if ("current".equals(attachment.path("status").asText("current"))) {
                String id = attachment.path("id").asText();
                visitor.visit(new Listed("attachment", id, attachment), new SlimDocument(
                        documentId("attachment", id), version(attachment), acl));
            }
        }
    }

    /**
     * An attachment's text: its size checked against the cap before it is downloaded (v2 {@code fileSize}, v1
     * {@code extensions.fileSize}), then through the bounded extractor; else why it was left out.
     */
    private Attachment attachment(JsonNode json, Acl acl) throws IOException, InterruptedException {
        String name = json.path("title").asText("");
        long size = json.path("fileSize").asLong(json.path("extensions").path("fileSize").asLong(-1));
        if (size > maxFileBytes) {
            return skipped(name + " is " + size + " bytes, over the cap of " + maxFileBytes);
        }
        if (!extractor.supports(name)) {
            return skipped(name + " is not a kind of file the extractor reads");
        }
        String link = json.path("_links").path("download").asText(json.path("downloadLink").asText(""));
        if (link.isEmpty()) {
            return skipped(name + " has no download link");
        }
        Optional<byte[]> bytes = api.download(link);
        if (bytes.isEmpty()) {
            return skipped(name + " is gone (HTTP 404 on download)");
        }
        if (bytes.get().length > maxFileBytes) {
            return skipped(name + " is " + bytes.get().length + " bytes, over the cap of " + maxFileBytes);
        }
        ExtractedText text;
        try {
            text = extractor.extract(bytes.get(), name);
        } catch (ExtractionException e) {
            return skipped(name + ": " + e.getMessage());
        }
        String id = json.path("id").asText();
        String webui = json.path("_links").path("webui").asText(json.path("webuiLink").asText(""));
        return new Attachment(Optional.of(new SourceDocument(documentId("attachment", id), "confluence",
                name.isBlank() ? "(attachment " + id + ")" : name, text.body(), url(json, webui), updated(json), acl,
                version(json))), null);
    }

    private static Attachment skipped(String reason) {
        return new Attachment(Optional.empty(), reason);
    }

    private List<Space> spaces() throws IOException, InterruptedException {
        List<Space> spaces = new ArrayList<>();
        if (config.dataCenter()) {
            api.list(api.v1("/space?limit=100&status=current"), space -> {
                String key = space.path("key").asText();
                if (wanted(key)) {
                    spaces.add(new Space(key, key));
                }
            });
            return spaces;
        }
        api.list("/wiki/api/v2/spaces?limit=250&status=current", space -> {
            String key = space.path("key").asText();
            if (wanted(key)) {
                spaces.add(new Space(space.path("id").asText(), key));
            }
        });
        return spaces;
    }

    private boolean wanted(String spaceKey) {
        return spaceKey == null || (config.include().isEmpty() || config.include().contains(spaceKey))
                && !config.exclude().contains(spaceKey);
    }

    /** v2 content names its space by id only; the key filter applies when a fetch can tell, i.e. via the listing. */
    private static String spaceKey(JsonNode item) {
        if (item.path("space").has("key")) {
            return item.path("space").path("key").asText();
        }
        return item.has("spaceKey") ? item.path("spaceKey").asText() : null;
    }

    /** What {@link ConfluencePermissions#acl} names the space by: its id on Cloud, its key on Data Center. */
    private String spaceId(JsonNode item) {
        return config.dataCenter() ? item.path("space").path("key").asText() : item.path("spaceId").asText();
    }

    /** The page or blog post a comment or attachment belongs to: v2 {@code pageId}/{@code blogPostId}, v1 {@code container}. */
    private static Optional<Container> containerOf(JsonNode item) {
        if (item.hasNonNull("pageId")) {
            return Optional.of(new Container("page", item.path("pageId").asText()));
        }
        if (item.hasNonNull("blogPostId")) {
            return Optional.of(new Container("blogpost", item.path("blogPostId").asText()));
        }
        String type = item.path("container").path("type").asText("");
        return type.equals("page") || type.equals("blogpost")
                ? Optional.of(new Container(type, item.path("container").path("id").asText())) : Optional.empty();
    }

    /** The current item, or empty when it is gone, trashed or archived. */
    private Optional<JsonNode> read(String type, String id) throws IOException, InterruptedException {
        Optional<JsonNode> item = api.find(path(type, id));
        if (item.isEmpty() || !"current".equals(item.get().path("status").asText())
                || config.dataCenter() && !type.equals(item.get().path("type").asText(type))) {
            return Optional.empty();
        }
        return item;
    }

    private SourceDocument document(String type, JsonNode item, Acl acl) {
        String id = item.path("id").asText();
        String title = item.path("title").asText("");
        String webui = item.path("_links").path("webui").asText("/" + (type.equals("page") ? "pages" : "blog") + "/" + id);
        return new SourceDocument(documentId(type, id), "confluence", title.isBlank() ? "(untitled " + type + " " + id + ")"
                : title, StorageFormat.toText(item.path("body").path("storage").path("value").asText("")),
                url(item, webui), updated(item), acl, version(item));
    }

    private String url(JsonNode item, String webui) {
        return webui.startsWith("http") ? webui : item.path("_links").path("base").asText(api.v1Base()) + webui;
    }

    /** v2 {@code version.createdAt}, v1 {@code version.when}. */
    private static Instant updated(JsonNode item) {
        JsonNode version = item.path("version");
        try {
            return Instant.parse(version.path("createdAt").asText(version.path("when").asText("")));
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private String path(String type, String id) {
        if (config.dataCenter()) {
            return api.v1("/content/" + id + "?expand=body.storage,version,ancestors,space,container,extensions");
        }
        String collection = switch (type) {
            case "page" -> "pages/";
            case "blogpost" -> "blogposts/";
            case "attachment" -> "attachments/";
            default -> "footer-comments/";
        };
        return "/wiki/api/v2/" + collection + id + (type.equals("attachment") ? "" : "?body-format=storage");
    }

    private static String version(JsonNode item) {
        return "v" + item.path("version").path("number").asInt();
    }

    private String documentId(String type, String id) {
        return config.sourceId() + ":" + type + ":" + id;
    }
}
