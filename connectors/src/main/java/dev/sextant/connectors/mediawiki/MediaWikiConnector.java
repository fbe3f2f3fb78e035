package dev.sextant.connectors.mediawiki;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.acl.Acl;
import dev.sextant.acl.Principal;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.spi.ChangeSink;
import dev.sextant.connectors.spi.ConnectionCheck;
import dev.sextant.connectors.spi.DocumentFetch;
import dev.sextant.connectors.spi.DocumentSink;
import dev.sextant.connectors.spi.FullLoad;
import dev.sextant.connectors.spi.IncrementalPoll;
import dev.sextant.connectors.spi.SlimDocument;
import dev.sextant.connectors.spi.SlimListing;
import dev.sextant.connectors.spi.SlimSink;
import dev.sextant.connectors.spi.SourceCheckException;
import dev.sextant.connectors.spi.SourceConnector;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One wiki through its action API. Full load and slim listing: {@code generator=allpages} (redirects left out) with
 * {@code prop=info} per configured namespace, whose {@code lastrevid} is the content version, then
 * {@code prop=revisions} (main slot) for the pages the index asks for, fifty at a time. Incremental poll:
 * {@code list=recentchanges} (edits, new pages) and {@code list=logevents} (deletions, restores, moves) from the
 * cursor, a wiki timestamp; every page they name is read again, and one that is gone, a redirect now, or moved out
 * of the configured namespaces is deleted. Read access is wiki-wide ({@link ReadAccess}).
 */
public final class MediaWikiConnector implements SourceConnector, FullLoad, IncrementalPoll, SlimListing,
        DocumentFetch, ConnectionCheck {

    /** The most pages one {@code prop=revisions} request may name for a client without {@code apihighlimits}. */
    static final int CONTENT_BATCH = 50;

    /**
     * How a source is set up.
     *
     * @param namespaces     namespace numbers to index ({@code 0} is the main namespace)
     * @param readerPrincipal who "any logged-in user" is, for a wiki that denies {@code *} the read right
     * @param maxlag         the {@code maxlag} sent with every request, in seconds; negative sends none
     */
    public record Config(String sourceId, java.net.URI api, List<Integer> namespaces,
                         Optional<Principal> readerPrincipal, int maxlag) {
        public Config {
            namespaces = List.copyOf(namespaces);
        }
    }

    private record Site(String server, String articlePath, Acl acl, String time) {
    }

    private record PageRef(long pageId, String title, long lastRevId) {
    }

    private final Config config;
    private final MediaWikiApi api;

    MediaWikiConnector(Config config, MediaWikiApi api) {
        this.config = config;
        this.api = api;
    }

    @Override
    public String id() {
        return config.sourceId();
    }

    @Override
    public String kind() {
        return "mediawiki";
    }

    @Override
    public void loadAll(DocumentSink sink) throws IOException, InterruptedException {
        Site site = site();
        List<Long> wanted = new ArrayList<>();
        for (int namespace : config.namespaces()) {
            for (PageRef page : pages(namespace)) {
                if (sink.offer(slim(page, site))) {
                    wanted.add(page.pageId());
                    if (wanted.size() == CONTENT_BATCH) {
                        upsertAll(wanted, site, sink);
                        wanted.clear();
                    }
                }
            }
        }
        upsertAll(wanted, site, sink);
    }

    @Override
    public void listSlim(SlimSink sink) throws IOException, InterruptedException {
        Site site = site();
        for (int namespace : config.namespaces()) {
            for (PageRef page : pages(namespace)) {
                sink.document(slim(page, site));
            }
        }
    }

    @Override
    public String currentCursor() throws IOException, InterruptedException {
        return site().time();
    }

    @Override
    public String poll(String cursor, ChangeSink sink) throws IOException, InterruptedException {
        Site site = site();
        Map<Long, Long> edited = new LinkedHashMap<>();
        Set<Long> touched = new LinkedHashSet<>();
        String[] latest = {cursor};
        api.query(Map.of("list", "recentchanges", "rcstart", cursor, "rcdir", "newer", "rctype", "edit|new",
                "rcnamespace", config.namespaces().stream().map(String::valueOf).collect(Collectors.joining("|")),
                "rcprop", "ids|title|timestamp", "rclimit", "max"), response -> {
            for (JsonNode change : response.path("query").path("recentchanges")) {
                edited.merge(change.path("pageid").asLong(), change.path("revid").asLong(), Math::max);
                latest[0] = later(latest[0], change.path("timestamp").asText());
            }
        });
        for (String type : List.of("delete", "move")) {
            api.query(Map.of("list", "logevents", "letype", type, "lestart", cursor, "ledir", "newer",
                    "leprop", "ids|title|type|timestamp", "lelimit", "max"), response -> {
                for (JsonNode event : response.path("query").path("logevents")) {
                    touched.add(event.path("logpage").asLong());
                    touched.add(event.path("pageid").asLong());
                    latest[0] = later(latest[0], event.path("timestamp").asText());
                }
            });
        }
        // An edit whose newest revision the index has (the cursor's second is read again) needs no content read.
        for (Map.Entry<Long, Long> edit : edited.entrySet()) {
            if (!touched.contains(edit.getKey()) && edit.getKey() > 0 && sink.offer(new SlimDocument(
                    documentId(edit.getKey()), Long.toString(edit.getValue()), site.acl()))) {
                touched.add(edit.getKey());
            }
        }
        touched.remove(0L);
        List<Long> batch = new ArrayList<>();
        for (long pageId : touched) {
            batch.add(pageId);
            if (batch.size() == CONTENT_BATCH) {
                applyChanges(batch, site, sink);
                batch.clear();
            }
        }
        applyChanges(batch, site, sink);
        return latest[0];
    }

    @Override
    public Optional<SourceDocument> fetch(String documentId) throws IOException, InterruptedException {
        Optional<Long> pageId = pageId(documentId);
        if (pageId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(read(List.of(pageId.get()), site()).get(pageId.get()));
    }

    @Override
    public void check() throws SourceCheckException, InterruptedException {
        try {
            site();
        } catch (ConnectException | UnknownHostException e) {
            throw new SourceCheckException("cannot reach host " + config.api().getHost() + " (" + config.api() + ")", e);
        } catch (IOException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                throw new SourceCheckException("cannot reach host " + config.api().getHost() + " ("
                        + config.api() + ")", e);
            }
            throw new SourceCheckException(e.getMessage(), e);
        }
    }

    private void upsertAll(List<Long> pageIds, Site site, DocumentSink sink) throws IOException, InterruptedException {
        if (pageIds.isEmpty()) {
            return;
        }
        Map<Long, SourceDocument> documents = read(pageIds, site);
        for (long pageId : pageIds) {
            SourceDocument document = documents.get(pageId);
            if (document != null) {
                sink.upsert(document);
            } else {
                sink.skip(documentId(pageId), "deleted, turned into a redirect or moved out of the indexed "
                        + "namespaces while the wiki was read");
            }
        }
    }

    private void applyChanges(List<Long> pageIds, Site site, ChangeSink sink) throws IOException, InterruptedException {
        if (pageIds.isEmpty()) {
            return;
        }
        Map<Long, SourceDocument> documents = read(pageIds, site);
        for (long pageId : pageIds) {
            SourceDocument document = documents.get(pageId);
            if (document == null) {
                sink.delete(documentId(pageId));
            } else if (sink.offer(new SlimDocument(document.id(), document.version(), document.acl()))) {
                sink.upsert(document);
            }
        }
    }

    /** The pages' current revisions, by page id; a page missing, a redirect or out of the namespaces is absent. */
    private Map<Long, SourceDocument> read(List<Long> pageIds, Site site) throws IOException, InterruptedException {
        Map<Long, JsonNode> pages = new LinkedHashMap<>();
        api.query(Map.of("prop", "info|revisions", "pageids",
                pageIds.stream().map(String::valueOf).collect(Collectors.joining("|")),
                "rvprop", "ids|timestamp|content", "rvslots", "main"), response -> {
            for (JsonNode page : elements(response.path("query").path("pages"))) {
                if (page.path("revisions").size() > 0 || !pages.containsKey(page.path("pageid").asLong())) {
                    pages.put(page.path("pageid").asLong(), page);
                }
            }
        });
        Map<Long, SourceDocument> documents = new LinkedHashMap<>();
        for (JsonNode page : pages.values()) {
            JsonNode revision = page.path("revisions").path(0);
            if (flag(page, "missing") || flag(page, "invalid") || flag(page, "redirect") || revision.isMissingNode()
                    || !config.namespaces().contains(page.path("ns").asInt())) {
                continue;
            }
            String title = page.path("title").asText();
            JsonNode main = revision.path("slots").path("main");
            JsonNode slot = main.isMissingNode() ? revision : main;
            String text = slot.has("content") ? slot.path("content").asText() : slot.path("*").asText();
            String model = slot.path("contentmodel").asText("wikitext");
            String body = model.equals("wikitext") ? WikitextText.toText(text, title) : text;
            long pageId = page.path("pageid").asLong();
            documents.put(pageId, new SourceDocument(documentId(pageId), "mediawiki", title, body,
                    url(site, title), timestamp(revision.path("timestamp").asText()), site.acl(),
                    Long.toString(revision.path("revid").asLong())));
        }
        return documents;
    }

    private List<PageRef> pages(int namespace) throws IOException, InterruptedException {
        List<PageRef> pages = new ArrayList<>();
        api.query(Map.of("generator", "allpages", "gapnamespace", Integer.toString(namespace),
                "gapfilterredir", "nonredirects", "gaplimit", "max", "prop", "info"), response -> {
            for (JsonNode page : elements(response.path("query").path("pages"))) {
                if (!flag(page, "redirect") && page.path("pageid").asLong() > 0) {
                    pages.add(new PageRef(page.path("pageid").asLong(), page.path("title").asText(),
                            page.path("lastrevid").asLong()));
                }
            }
        });
        return pages;
    }

    private Site site() throws IOException, InterruptedException {
        JsonNode query = api.get(Map.of("action", "query", "meta", "siteinfo", "siprop", "general|usergroups"))
                .path("query");
        JsonNode general = query.path("general");
        if (general.isMissingNode()) {
            throw new IOException(config.api() + " answered no siteinfo: is it the wiki's api.php?");
        }
        String server = general.path("server").asText();
        if (server.startsWith("//")) {
            server = config.api().getScheme() + ":" + server;
        }
        return new Site(server, general.path("articlepath").asText("/index.php/$1"),
                ReadAccess.acl(query.path("usergroups"), config.readerPrincipal(), config.api().getHost()),
                general.path("time").asText(Instant.now().toString()));
    }

    private SlimDocument slim(PageRef page, Site site) {
        return new SlimDocument(documentId(page.pageId()), Long.toString(page.lastRevId()), site.acl());
    }

    private String documentId(long pageId) {
        return config.sourceId() + ":" + pageId;
    }

    private Optional<Long> pageId(String documentId) {
        String prefix = config.sourceId() + ":";
        if (!documentId.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(documentId.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The article URL as MediaWiki's {@code wfUrlencode} writes it: underscores, {@code :} and {@code /} kept. */
    static String url(Site site, String title) {
        String encoded = URLEncoder.encode(title.replace(' ', '_'), StandardCharsets.UTF_8)
                .replace("%3A", ":").replace("%2F", "/");
        return site.server() + site.articlePath().replace("$1", encoded);
    }

    private static Instant timestamp(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private static String later(String a, String b) {
        try {
            return Instant.parse(b).isAfter(Instant.parse(a)) ? b : a;
        } catch (DateTimeParseException e) {
            return a;
        }
    }

    /** Format version 2 says {@code true}; version 1 marks a flag by its presence ({@code ""}). */
    private static boolean flag(JsonNode page, String name) {
        JsonNode value = page.get(name);
        return value != null && !(value.isBoolean() && !value.asBoolean());
    }

    /** {@code pages} is an array in format version 2 and an object by page id in version 1. */
    private static Iterable<JsonNode> elements(JsonNode node) {
        List<JsonNode> all = new ArrayList<>();
        node.elements().forEachRemaining(all::add);
        return all;
    }
}
