package dev.sextant.connectors.confluence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.MemoryDirectory;
import dev.sextant.acl.Principal;
import dev.sextant.acl.PrincipalResolver;
import dev.sextant.acl.Principals;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.http.RateLimitRule;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.spi.SourceCheckException;
import dev.sextant.connectors.spi.SourceIdentity;
import dev.sextant.connectors.sync.DirectoryStore;
import dev.sextant.connectors.sync.SourceSync;
import dev.sextant.connectors.testing.MemoryIndex;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Confluence's permission rules against the fake site: the space permission, and every restricted level above a
 * page, each a clause; restrictions added, lifted and inherited by moving, all without re-embedding; trashed and
 * archived content leaving; group membership changes moving access without touching the index.
 */
class ConfluencePermissionsTest {

    private static final HttpSettings FAST = HttpSettings.DEFAULTS.withBackoff(Duration.ofMillis(5),
            Duration.ofMillis(50)).withRequestTimeout(Duration.ofSeconds(2));
    private static final Principal ENG = Principal.group("confluence", "g-eng");
    private static final Principal LEADS = Principal.group("confluence", "g-leads");
    private static final Principal ANN = Principal.account("confluence", "acc-ann");
    private static final Principal BOB = Principal.account("confluence", "acc-bob");

    private final ConfluenceFixture fixture = new ConfluenceFixture(3);
    private final ConfluenceServer server = fixture.server();
    private final Recording directory = new Recording();

    @AfterEach
    void close() {
        fixture.close();
    }

    private SourceSync connector() {
        return new SourceSync(fixture.connector(FAST, HttpObserver.NONE), directory);
    }

    private static String id(ConfluenceServer.Content c) {
        return "conf:" + c.type() + ":" + c.id();
    }

    private Principals reader(String email) {
        MemoryDirectory.Builder b = MemoryDirectory.builder();
        directory.identities.stream().filter(i -> i.email().isPresent())
                .forEach(i -> b.link(i.email().get(), i.account()));
        b.link("bob@example.com", BOB);
        directory.groups.forEach((g, members) -> members.forEach(m -> b.member(g, m)));
        return new PrincipalResolver(b.build()).resolve(email, List.of());
    }

    @Test
    void aPageRestrictedUnderARestrictedParentIsReadOnlyByReadersOfBoth() throws Exception {
        server.group("g-leads", "leads", List.of(new ConfluenceServer.User("acc-ann", "Ann", "ann@example.com")));
        ConfluenceServer.Content parent = server.create("page", fixture.eng(), null, "Leads", "<p>leads only</p>");
        ConfluenceServer.Content middle = server.create("page", fixture.eng(), parent.id(), "Middle", "<p>m</p>");
        ConfluenceServer.Content child = server.create("page", fixture.eng(), middle.id(), "Secret", "<p>s</p>");
        server.restrict(parent.id(), Set.of(), Set.of("g-leads"));
        server.restrict(child.id(), Set.of("acc-bob"), Set.of());
        MemoryIndex index = new MemoryIndex();
        index.sync(connector());

        Acl acl = index.documents().get(id(child)).acl();
        assertThat(acl).isEqualTo(Acl.of(AclClause.of(ENG), AclClause.of(LEADS), AclClause.of(BOB)));
        assertThat(index.documents().get(id(middle)).acl()).isEqualTo(Acl.of(AclClause.of(ENG), AclClause.of(LEADS)));
        assertThat(acl.admits(reader("ann@example.com"))).as("ann: leads, but not named on the page").isFalse();
        assertThat(acl.admits(reader("bob@example.com"))).as("bob: named on the page, not a lead").isFalse();
        assertThat(index.documents().get(id(middle)).acl().admits(reader("ann@example.com"))).isTrue();

        server.group("g-leads", "leads", List.of(new ConfluenceServer.User("acc-bob", "Bob", null)));
        index.resetCounts();
        index.sync(connector());
        assertThat(index.contentWrites() + index.aclWrites()).as("a membership change touches no document").isZero();
        assertThat(index.documents().get(id(child)).acl().admits(reader("bob@example.com"))).isTrue();
        assertThat(index.documents().get(id(middle)).acl().admits(reader("ann@example.com"))).isFalse();
    }

    @Test
    void aRestrictionLiftedOrInheritedByAMoveReachesTheIndexWithoutReEmbedding() throws Exception {
        ConfluenceServer.Content locked = server.create("page", fixture.eng(), null, "Locked", "<p>l</p>");
        ConfluenceServer.Content loose = server.create("page", fixture.eng(), null, "Loose", "<p>o</p>");
        server.restrict(locked.id(), Set.of("acc-ann"), Set.of());
        MemoryIndex index = new MemoryIndex();
        index.sync(connector());
        assertThat(index.documents().get(id(loose)).acl()).isEqualTo(Acl.of(AclClause.of(ENG)));

        server.restrict(locked.id(), Set.of(), Set.of());
        server.put(loose.with(locked.id(), loose.body(), "current", false));
        server.restrict(locked.id(), Set.of("acc-bob"), Set.of());
        index.resetCounts();
        index.sync(connector());
        assertThat(index.contentWrites()).isZero();
        assertThat(index.aclWrites()).isEqualTo(2);
        Acl bobOnly = Acl.of(AclClause.of(ENG), AclClause.of(BOB));
        assertThat(index.documents().get(id(locked)).acl()).isEqualTo(bobOnly);
        assertThat(index.documents().get(id(loose)).acl()).as("moved under a restricted page").isEqualTo(bobOnly);

        server.restrict(locked.id(), Set.of(), Set.of());
        index.resetCounts();
        index.sync(connector());
        assertThat(index.contentWrites()).isZero();
        assertThat(index.documents().get(id(loose)).acl()).isEqualTo(Acl.of(AclClause.of(ENG)));
    }

    @Test
    void trashedArchivedAndDeletedContentLeavesTheIndex() throws Exception {
        fixture.seed(6);
        MemoryIndex index = new MemoryIndex();
        index.sync(connector());
        List<ConfluenceServer.Content> all = List.copyOf(server.content().values());
        server.put(all.get(0).with(all.get(0).parentId(), all.get(0).body(), "trashed", false));
        server.put(all.get(1).with(all.get(1).parentId(), all.get(1).body(), "archived", false));
        server.put(all.get(2).with(all.get(2).parentId(), all.get(2).body(), "deleted", false));
        index.sync(connector());
        assertThat(index.documents()).doesNotContainKeys(id(all.get(0)), id(all.get(1)), id(all.get(2)))
                .hasSize(3);
    }

    @Test
    void bodiesAreCleanTextWithTheirWebUrl() throws Exception {
        ConfluenceServer.Content page = server.create("page", fixture.eng(), null, "Runbook", "<h2>Restart</h2>"
                + "<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[make restart]]>"
                + "</ac:plain-text-body></ac:structured-macro>");
        MemoryIndex index = new MemoryIndex();
        index.sync(connector());
        SourceDocument d = index.documents().get(id(page));
        assertThat(d.body()).isEqualTo("## Restart\n```\nmake restart\n```");
        assertThat(d.url()).isEqualTo(server.site() + "/wiki/spaces/ENG/pages/" + page.id());
        assertThat(directory.identities).extracting(SourceIdentity::account).contains(ANN, BOB);
        assertThat(directory.identities).filteredOn(i -> i.account().equals(BOB))
                .allSatisfy(i -> assertThat(i.email()).isEmpty());
    }

    @Test
    void aFooterCommentIsItsOwnDocumentReadableByWhoeverMayReadItsPage() throws Exception {
        ConfluenceServer.Content page = server.create("page", fixture.eng(), null, "Plan", "<p>plan</p>");
        ConfluenceServer.Content comment = server.create("comment", fixture.eng(), page.id(), "Re: Plan",
                "<p>Ship on <strong>Friday</strong>.</p>");
        server.restrict(page.id(), Set.of("acc-ann"), Set.of());
        MemoryIndex index = new MemoryIndex();
        index.sync(connector());
        SourceDocument d = index.documents().get(id(comment));
        assertThat(d.body()).isEqualTo("Ship on Friday.");
        assertThat(d.acl()).isEqualTo(Acl.of(AclClause.of(ENG), AclClause.of(ANN)));
        assertThat(d.url()).endsWith("/pages/" + page.id() + "?focusedCommentId=" + comment.id());

        server.put(comment.with(page.id(), "<p>Ship on Monday.</p>", "current", true));
        index.resetCounts();
        index.sync(connector());
        assertThat(index.contentWrites()).isEqualTo(1);
        assertThat(index.documents().get(id(comment)).body()).isEqualTo("Ship on Monday.");

        server.put(comment.with(page.id(), comment.body(), "trashed", false));
        index.sync(connector());
        assertThat(index.documents()).doesNotContainKey(id(comment)).containsKey(id(page));
    }

    @Test
    void aBadTokenIsNamedByTheConnectionCheck() {
        var connector = ConfluenceConnectorFactory.create(new ConfluenceConnector.Config("conf", server.site(),
                Set.of(), Set.of()), ConfluenceConnectorFactory.basic("sync@example.com", "wrong"),
                SourceHttp.create(FAST, RateLimitRule.standard(), HttpObserver.NONE), Clock.systemUTC());
        assertThatThrownBy(connector::check).isInstanceOf(SourceCheckException.class)
                .hasMessageContaining("refused the credentials (HTTP 401)");
    }

    /** What the connector gave the directory port. */
    private static final class Recording implements DirectoryStore {
        Map<Principal, Set<Principal>> groups = Map.of();
        List<SourceIdentity> identities = new ArrayList<>();

        @Override
        public void replaceGroups(String sourceId, Map<Principal, Set<Principal>> members) {
            groups = Map.copyOf(members);
        }

        @Override
        public void recordIdentities(String sourceId, Collection<SourceIdentity> found) {
            identities = new ArrayList<>(found);
        }
    }
}
