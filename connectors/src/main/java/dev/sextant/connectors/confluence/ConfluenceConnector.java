package dev.sextant.connectors.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.acl.Acl;
import dev.sextant.acl.Principal;
import dev.sextant.connectors.SourceDocument;
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
 * One Confluence Cloud site: the pages, blog posts and footer comments of its spaces (include/exclude by key),
 * through REST v2 for listing and content and v1 for read restrictions, groups and CQL (comments are listed by
 * CQL per space). Ids: {@code <source>:page:<id>}, {@code <source>:blogpost:<id>}, {@code <source>:comment:<id>}
 * (a comment is readable by whoever may read its page); content version: the version number. Permissions: {@link ConfluencePermissions}.
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

    /**
     * How a source is set up.
     *
     * @param site    the site root, e.g. {@code https://acme.atlassian.net}
     * @param include space keys to index; empty for every space the account can read
     * @param exclude space keys never indexed
     */
    public record Config(String sourceId, URI site, Set<String> include, Set<String> exclude) {
        public Config {
            include = Set.copyOf(include);
            exclude = Set.copyOf(exclude);
        }
    }

    private record Space(String id, String key) {
    }

    private final Config config;
    private final ConfluenceApi api;
    private final Clock clock;
    private final Map<String, SourceIdentity> identities = new LinkedHashMap<>();

    ConfluenceConnector(Config config, ConfluenceApi api, Clock clock) {
        this.config = config;
        this.api = api;
        this.clock = clock;
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
        ConfluencePermissions permissions = new ConfluencePermissions(api);
        list(permissions, (item, slim) -> {
            if (sink.offer(slim)) {
                Optional<SourceDocument> document = read(item.type(), item.id(), slim.acl());
                if (document.isPresent()) {
                    sink.upsert(document.get());
                } else {
                    sink.skip(slim.id(), "gone between listing and reading");
                }
            }
        });
    }

    @Override
    public void listSlim(SlimSink sink) throws IOException, InterruptedException {
        list(new ConfluencePermissions(api), (item, slim) -> sink.document(slim));
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
        StringBuilder cql = new StringBuilder("type in (page,blogpost,comment) and lastmodified >= \"")
                .append(CQL_DATE.format(since)).append('"');
        if (!config.include().isEmpty()) {
            cql.append(" and space in (").append(String.join(",", config.include().stream()
                    .map(k -> "\"" + k + "\"").toList())).append(')');
        }
        cql.append(" order by lastmodified asc");
        List<String> changed = new ArrayList<>();
        api.list("/wiki/rest/api/content/search?limit=50&cql=" + URLEncoder.encode(cql.toString(),
                StandardCharsets.UTF_8), content -> changed.add(documentId(content.path("type").asText(),
                content.path("id").asText())));
        for (String id : new LinkedHashSet<>(changed)) {
            Optional<SourceDocument> document = fetch(id);
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
        String[] parts = documentId.substring(config.sourceId().length() + 1).split(":", 2);
        if (parts.length != 2 || !Set.of("page", "blogpost", "comment").contains(parts[0])) {
            return Optional.empty();
        }
        Optional<JsonNode> item = api.find(path(parts[0], parts[1]));
        if (item.isEmpty() || !"current".equals(item.get().path("status").asText())) {
            return Optional.empty();
        }
        String containerType = parts[0];
        String containerId = parts[1];
        JsonNode container = item.get();
        if (parts[0].equals("comment")) {
            containerType = item.get().hasNonNull("pageId") ? "page" : "blogpost";
            containerId = item.get().path(containerType.equals("page") ? "pageId" : "blogPostId").asText();
            Optional<JsonNode> found = api.find(path(containerType, containerId));
            if (found.isEmpty() || !"current".equals(found.get().path("status").asText())) {
                return Optional.empty();
            }
            container = found.get();
        }
        if (!wanted(spaceKey(container))) {
            return Optional.empty();
        }
        ConfluencePermissions permissions = new ConfluencePermissions(api);
        if (containerType.equals("page")) {
            permissions.parent(containerId, container);
        }
        Acl acl = permissions.acl(container.path("spaceId").asText(), containerId, containerType.equals("page"));
        return Optional.of(document(parts[0], item.get(), acl));
    }

    @Override
    public void syncGroups(GroupSink sink) throws IOException, InterruptedException {
        identities.clear();
        api.list("/wiki/rest/api/group?limit=200", group -> {
            String name = group.path("name").asText();
            String id = group.path("id").asText(name);
            Set<Principal> members = new LinkedHashSet<>();
            api.list("/wiki/rest/api/group/member?limit=200&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                    user -> {
                        String account = user.path("accountId").asText("");
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
            api.get("/wiki/api/v2/spaces?limit=1");
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

    /** One listed page or blog post. */
    private record Listed(String type, String id) {
    }

    @FunctionalInterface
    private interface Visitor {
        void visit(Listed item, SlimDocument slim) throws IOException, InterruptedException;
    }

    private void list(ConfluencePermissions permissions, Visitor visitor) throws IOException, InterruptedException {
        for (Space space : spaces()) {
            List<JsonNode> pages = new ArrayList<>();
            api.list("/wiki/api/v2/spaces/" + space.id() + "/pages?limit=250&status=current", pages::add);
            pages.forEach(p -> permissions.parent(p.path("id").asText(), p));
            for (JsonNode page : pages) {
                String id = page.path("id").asText();
                visitor.visit(new Listed("page", id), new SlimDocument(documentId("page", id), version(page),
                        permissions.acl(space.id(), id, true)));
            }
            List<JsonNode> posts = new ArrayList<>();
            api.list("/wiki/api/v2/blogposts?limit=250&status=current&space-id=" + space.id(), posts::add);
            for (JsonNode post : posts) {
                String id = post.path("id").asText();
                visitor.visit(new Listed("blogpost", id), new SlimDocument(documentId("blogpost", id),
                        version(post), permissions.acl(space.id(), id, false)));
            }
            List<JsonNode> comments = new ArrayList<>();
            api.list("/wiki/rest/api/content/search?limit=50&expand=container,version,extensions&cql="
                    + URLEncoder.encode("type=comment and space=\"" + space.key() + "\"", StandardCharsets.UTF_8),
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
                visitor.visit(new Listed("comment", id), new SlimDocument(documentId("comment", id),
                        version(comment), permissions.acl(space.id(), container.path("id").asText(),
                        containerType.equals("page"))));
            }
        }
    }

    private List<Space> spaces() throws IOException, InterruptedException {
        List<Space> spaces = new ArrayList<>();
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
        return item.has("spaceKey") ? item.path("spaceKey").asText() : null;
    }

    private Optional<SourceDocument> read(String type, String id, Acl acl) throws IOException, InterruptedException {
        Optional<JsonNode> item = api.find(path(type, id));
        if (item.isEmpty() || !"current".equals(item.get().path("status").asText())) {
            return Optional.empty();
        }
        return Optional.of(document(type, item.get(), acl));
    }

    private SourceDocument document(String type, JsonNode item, Acl acl) {
        String id = item.path("id").asText();
        String title = item.path("title").asText("");
        String webui = item.path("_links").path("webui").asText("/" + (type.equals("page") ? "pages" : "blog") + "/" + id);
        String base = item.path("_links").path("base").asText(config.site() + "/wiki");
        Instant updated;
        try {
            updated = Instant.parse(item.path("version").path("createdAt").asText());
        } catch (DateTimeParseException e) {
            updated = Instant.EPOCH;
        }
        return new SourceDocument(documentId(type, id), "confluence", title.isBlank() ? "(untitled " + type + " " + id + ")"
                : title, StorageFormat.toText(item.path("body").path("storage").path("value").asText("")),
                webui.startsWith("http") ? webui : base + webui, updated, acl, version(item));
    }

    private static String path(String type, String id) {
        String collection = switch (type) {
            case "page" -> "pages/";
            case "blogpost" -> "blogposts/";
            default -> "footer-comments/";
        };
        return "/wiki/api/v2/" + collection + id + "?body-format=storage";
    }

    private static String version(JsonNode item) {
        return "v" + item.path("version").path("number").asInt();
    }

    private String documentId(String type, String id) {
        return config.sourceId() + ":" + type + ":" + id;
    }
}
