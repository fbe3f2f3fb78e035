package dev.sextant.connectors.mediawiki;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.spi.SourceConnector;
import dev.sextant.connectors.testing.SourceFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link MediaWikiServer} as {@link dev.sextant.connectors.testing.ConnectorContractTest} and the sync benchmark
 * drive it: a wiki readable by logged-in users only (so pages carry the configured {@code domain:example.com}),
 * pages in the main and project namespaces, a bot password for the connector.
 */
public final class MediaWikiFixture implements SourceFixture {

    public static final String SOURCE_ID = "wiki";
    public static final Principal READERS = Principal.domain("example.com");
    static final String BOT = "Sextant@sync";
    static final String BOT_PASSWORD = "k3v9q0m2b7x4n8c1d5f6g7h8j9k0l1m2";

    private final MediaWikiServer server;
    private int next;

    /** Lists of up to 500 items a response, as a wiki answers a client without {@code apihighlimits}. */
    public MediaWikiFixture() {
        this(500);
    }

    public MediaWikiFixture(int pageSize) {
        try {
            server = new MediaWikiServer(pageSize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.addBotPassword(BOT, BOT_PASSWORD);
        server.anonymousRead(false);
    }

    public MediaWikiServer server() {
        return server;
    }

    @Override
    public int pageSize() {
        return server.pageSize();
    }

    @Override
    public void seed(int documents) {
        for (int i = 0; i < documents; i++) {
            int n = next++;
            server.create(n % 2 == 0 ? 0 : 4, "Page " + n, "'''Page " + n + "''' is about topic " + n
                    + ".{{Infobox team|lead=someone}} See [[Page " + (n + 1) + "|the next page]].\n\n"
                    + "== Details ==\nDetails of page " + n + ".\n[[Category:Seeded]]\n");
        }
    }

    @Override
    public Set<String> documentIds() {
        return server.pages().values().stream()
                .filter(p -> !p.latest().content().startsWith("#REDIRECT") && (p.ns() == 0 || p.ns() == 4))
                .map(p -> SOURCE_ID + ":" + p.pageId()).collect(Collectors.toSet());
    }

    @Override
    public String editContent() {
        MediaWikiServer.Page page = server.pages().values().iterator().next();
        server.edit(page.pageId(), page.latest().content() + "\nEdited at revision " + (page.revisions().size() + 1));
        return SOURCE_ID + ":" + page.pageId();
    }

    /** Toggles {@code $wgGroupPermissions['*']['read']}: the whole wiki's ACL changes. */
    @Override
    public AclChange changeAcl() {
        Set<String> before = Set.copyOf(List.copyOf(documentIds()));
        boolean anonymous = !anonymousRead;
        anonymousRead = anonymous;
        server.anonymousRead(anonymous);
        return new AclChange(before.iterator().next(), anonymous ? Acl.PUBLIC : Acl.of(AclClause.of(READERS)));
    }

    private boolean anonymousRead;

    @Override
    public String deleteDocument() {
        long last = server.pages().keySet().stream().reduce((a, b) -> b).orElseThrow();
        server.delete(last);
        return SOURCE_ID + ":" + last;
    }

    @Override
    public void refuseNextWithRateLimit(Duration resetIn) {
        server.maxlagNext(resetIn.toSeconds());
    }

    @Override
    public void failNext(int requests, int status) {
        server.failNext(requests, status);
    }

    @Override
    public void stallNext(int requests) {
        server.stallNext(requests);
    }

    @Override
    public SourceConnector connector(HttpSettings settings, HttpObserver observer) {
        MediaWikiConnector.Config config = new MediaWikiConnector.Config(SOURCE_ID, server.api(), List.of(0, 4),
                Optional.of(READERS), 5);
        return MediaWikiConnectorFactory.create(config, Optional.of(new MediaWikiApi.Credentials(BOT, BOT_PASSWORD)),
                SourceHttp.create(settings, new MediaWikiConnectorFactory().rateLimits(), observer));
    }

    @Override
    public void close() {
        server.close();
    }
}
