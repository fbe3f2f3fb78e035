package dev.sextant.connectors.mediawiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.spi.SourceCheckException;
import dev.sextant.connectors.sync.DirectoryStore;
import dev.sextant.connectors.sync.SourceSync;
import dev.sextant.connectors.testing.MemoryIndex;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector against a real MediaWiki 1.39 (SQLite, {@code php -S}), which {@code .ci/mediawiki.sh} installs and
 * serves; skipped, saying how to get one, where it is absent. Seeds pages in two namespaces, a template, a
 * redirect; moves one and deletes one between syncs; turns anonymous reading off; checks what each reader finds.
 */
class MediaWikiRealWikiTest {

    private static final Principal COMPANY = Principal.domain("example.com");
    private static final Principals INSIDER = Principals.of(Principal.user("ann@example.com"), COMPANY,
            Principal.PUBLIC);
    private static final Principals OUTSIDER = Principals.of(Principal.user("eve@other.example"),
            Principal.domain("other.example"), Principal.PUBLIC);

    private RealWiki wiki;
    private MediaWikiApi.Credentials syncBot;
    private final String run = "R" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void wiki() throws Exception {
        Optional<RealWiki> found = RealWiki.fromEnvironment();
        Assumptions.assumeTrue(found.isPresent(), RealWiki.HOW);
        wiki = found.get();
        wiki.anonymousRead(true);
        wiki.loginToSeed(wiki.createBotPassword("seed", "basic,highvolume,editpage,createeditmovepage,delete"));
        syncBot = wiki.createBotPassword("sync", "basic,highvolume");
    }

    @AfterEach
    void openTheWikiAgain() throws Exception {
        if (wiki != null) {
            wiki.anonymousRead(true);
        }
    }

    private SourceSync connector(Optional<MediaWikiApi.Credentials> credentials) {
        MediaWikiConnector.Config config = new MediaWikiConnector.Config("realwiki", wiki.api,
                RealWiki.namespaces(), Optional.of(COMPANY), 5);
        SourceHttp http = SourceHttp.create(HttpSettings.DEFAULTS.withRequestTimeout(Duration.ofSeconds(30)),
                new MediaWikiConnectorFactory().rateLimits(), HttpObserver.NONE);
        return new SourceSync(MediaWikiConnectorFactory.create(config, credentials, http), DirectoryStore.NONE);
    }

    private static SourceDocument byTitle(MemoryIndex index, String title) {
        return index.documents().values().stream().filter(d -> d.title().equals(title)).findFirst().orElse(null);
    }

    @Test
    void syncsPagesMovesDeletionsAndTheWikisReadRightAgainstARealWiki() throws Exception {
        wiki.edit("Template:" + run + " Box", "<div class=\"box\">BOXED {{{1}}}</div>");
        long alpha = wiki.edit(run + " Alpha", "'''Alpha''' is the first.{{" + run + " Box|secret-arg}} It links to "
                + "[[" + run + " Beta|the second page]].\n== Plans ==\nShip it.\n[[Category:Test]]");
        long policy = wiki.edit("Project:" + run + " Policy", "Project policy text.");
        long moving = wiki.edit(run + " Old name", "A page that will move.");
        long doomed = wiki.edit(run + " Doomed", "A page that will be deleted.");
        wiki.edit(run + " Alias", "#REDIRECT [[" + run + " Alpha]]");

        MemoryIndex index = new MemoryIndex();
        SourceSync sync = connector(Optional.of(syncBot));
        index.sync(sync);

        SourceDocument a = index.documents().get("realwiki:" + alpha);
        assertThat(a.title()).isEqualTo(run + " Alpha");
        assertThat(a.body()).contains("Alpha is the first.", "It links to the second page.", "## Plans", "Ship it.")
                .doesNotContain("BOXED", "secret-arg", "Category", "[[");
        assertThat(a.url()).endsWith("/index.php/" + run + "_Alpha");
        assertThat(index.documents()).containsKeys("realwiki:" + policy, "realwiki:" + moving, "realwiki:" + doomed);
        assertThat(byTitle(index, "Project:" + run + " Policy")).isNull();
        assertThat(byTitle(index, "Sextant Test Wiki:" + run + " Policy")).isNotNull();
        assertThat(byTitle(index, run + " Alias")).as("a redirect is not a page of its own").isNull();
        assertThat(byTitle(index, "Template:" + run + " Box")).as("templates are outside namespaces 0 and 4").isNull();
        assertThat(a.acl()).isEqualTo(Acl.PUBLIC);
        assertThat(a.acl().admits(OUTSIDER)).isTrue();

        wiki.edit(run + " Alpha", "'''Alpha''' is the first, edited.");
        wiki.move(run + " Old name", run + " New name");
        wiki.delete(run + " Doomed");
        index.resetCounts();
        index.sync(sync);
        assertThat(index.documents().get("realwiki:" + alpha).body()).isEqualTo("Alpha is the first, edited.");
        assertThat(index.documents().get("realwiki:" + moving).title()).isEqualTo(run + " New name");
        assertThat(byTitle(index, run + " Old name")).as("the redirect left behind").isNull();
        assertThat(index.documents()).doesNotContainKey("realwiki:" + doomed);
        assertThat(index.contentWrites()).isEqualTo(2);

        wiki.anonymousRead(false);
        assertThatThrownBy(() -> ((MediaWikiConnector) connector(Optional.empty()).source()).check())
                .isInstanceOf(SourceCheckException.class).hasMessageContaining("readapidenied");
        index.resetCounts();
        index.sync(sync);
        assertThat(index.contentWrites()).as("a read-right change re-embeds nothing").isZero();
        assertThat(index.aclWrites()).isEqualTo(index.documents().size());
        SourceDocument restricted = index.documents().get("realwiki:" + alpha);
        assertThat(restricted.acl()).isEqualTo(Acl.of(AclClause.of(COMPANY)));
        assertThat(restricted.acl().admits(INSIDER)).isTrue();
        assertThat(restricted.acl().admits(OUTSIDER)).isFalse();
        assertThat(index.documents().values()).allSatisfy(d -> assertThat(d.acl().admits(OUTSIDER)).isFalse());
    }
}
