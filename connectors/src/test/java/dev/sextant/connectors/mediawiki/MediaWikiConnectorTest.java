package dev.sextant.connectors.mediawiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.spi.ConnectionCheck;
import dev.sextant.connectors.spi.SourceCheckException;
import dev.sextant.connectors.testing.ConnectorContractTest;
import dev.sextant.connectors.testing.MemoryIndex;
import dev.sextant.connectors.testing.SourceFixture;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract against {@link MediaWikiServer}, a fake action API that can refuse with {@code maxlag}, fail with
 * 5xx and stall, which a real wiki cannot be told to do; {@link MediaWikiRealWikiTest} covers the real one.
 */
class MediaWikiConnectorTest extends ConnectorContractTest {

    private MediaWikiFixture wiki;

    @Override
    protected SourceFixture newFixture() {
        wiki = new MediaWikiFixture(5);
        return wiki;
    }

    private MediaWikiServer server() {
        return wiki.server();
    }

    @Test
    void pagesCarryTextWithoutTemplatesLinkTextAndHeadingsAndTheirArticleUrl() throws Exception {
        MediaWikiServer.Page page = server().create(0, "Release plan", "Intro {{Infobox|owner=ops}} see "
                + "[[Runbook|the runbook]].\n== Rollout ==\nStep one.\n[[Category:Plans]]");
        SourceDocument d = synced().documents().get("wiki:" + page.pageId());
        assertThat(d.title()).isEqualTo("Release plan");
        assertThat(d.body()).contains("Intro", "see the runbook.", "## Rollout", "Step one.")
                .doesNotContain("Infobox", "owner=ops", "[[", "Category");
        assertThat(d.url()).isEqualTo(server().api().resolve("/wiki/Release_plan").toString());
        assertThat(d.version()).startsWith(Long.toString(page.latest().revId()));
        assertThat(d.acl()).isEqualTo(Acl.of(AclClause.of(MediaWikiFixture.READERS)));
    }

    @Test
    void aMaxlagRefusalIsWaitedOutForItsRetryAfter() throws Exception {
        fixture.seed(2);
        server().maxlagNext(1);
        MemoryIndex index = synced();
        assertThat(rateLimitWaits).hasSize(1);
        assertThat(index.documents().keySet()).containsExactlyInAnyOrderElementsOf(fixture.documentIds());
    }

    @Test
    void theLegacyQueryContinueProtocolPagesAsFarAsTheCurrentOne() throws Exception {
        fixture.seed(fixture.pageSize() * 2 + 3);
        server().legacyContinue = true;
        server().contentPerResponse = 3;
        MemoryIndex index = synced();
        assertThat(index.documents().keySet()).containsExactlyInAnyOrderElementsOf(fixture.documentIds());
        assertThat(index.documents().values()).allSatisfy(d -> assertThat(d.body()).contains("is about topic"));
    }

    @Test
    void aMovedPageKeepsItsIdTakesItsNewTitleAndItsRedirectIsNotIndexed() throws Exception {
        fixture.seed(3);
        MemoryIndex index = synced();
        long moved = server().pages().keySet().iterator().next();
        server().move(moved, 0, "Renamed page");
        index.sync(connector());
        assertThat(index.documents().get("wiki:" + moved).title()).isEqualTo("Renamed page");
        assertThat(index.documents().keySet()).containsExactlyInAnyOrderElementsOf(fixture.documentIds())
                .hasSize(3);
    }

    @Test
    void aPageMovedOutOfTheIndexedNamespacesIsDeleted() throws Exception {
        fixture.seed(3);
        MemoryIndex index = synced();
        long moved = server().pages().keySet().iterator().next();
        server().move(moved, 2, "Someone/Draft");
        index.sync(connector());
        assertThat(index.documents()).doesNotContainKey("wiki:" + moved).hasSize(2);
    }

    @Test
    void aWrongBotPasswordIsNamedByTheConnectionCheck() {
        MediaWikiConnector.Config config = new MediaWikiConnector.Config("wiki", server().api(), List.of(0),
                Optional.of(MediaWikiFixture.READERS), 5);
        ConnectionCheck check = MediaWikiConnectorFactory.create(config,
                Optional.of(new MediaWikiApi.Credentials(MediaWikiFixture.BOT, "wrong")),
                dev.sextant.connectors.http.SourceHttp.create(FAST, new MediaWikiConnectorFactory().rateLimits(),
                        dev.sextant.connectors.http.HttpObserver.NONE));
        assertThatThrownBy(check::check).isInstanceOf(SourceCheckException.class)
                .hasMessageContaining("login as Sextant@sync failed (Failed)")
                .hasMessageContaining("Incorrect username or password");
    }

    @Test
    void anUnreachableHostIsNamedByTheConnectionCheck() {
        MediaWikiConnector.Config config = new MediaWikiConnector.Config("wiki",
                java.net.URI.create("http://127.0.0.1:9/w/api.php"), List.of(0), Optional.empty(), 5);
        ConnectionCheck check = MediaWikiConnectorFactory.create(config, Optional.empty(),
                dev.sextant.connectors.http.SourceHttp.create(FAST.withBackoff(Duration.ZERO, Duration.ZERO),
                        new MediaWikiConnectorFactory().rateLimits(), dev.sextant.connectors.http.HttpObserver.NONE));
        assertThatThrownBy(check::check).isInstanceOf(SourceCheckException.class)
                .hasMessageContaining("cannot reach host 127.0.0.1");
    }
}
