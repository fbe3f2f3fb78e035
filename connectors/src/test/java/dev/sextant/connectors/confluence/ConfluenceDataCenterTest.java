package dev.sextant.connectors.confluence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.connectors.extract.ExtractionLimits;
import dev.sextant.connectors.extract.PlainTextExtractor;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.http.RateLimitRule;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.spi.ConnectionCheck;
import dev.sextant.connectors.spi.ConnectorContext;
import dev.sextant.connectors.spi.InvalidSourceException;
import dev.sextant.connectors.spi.SourceCheckException;
import dev.sextant.connectors.spi.SourceConnector;
import dev.sextant.connectors.spi.SourceDefinition;
import dev.sextant.connectors.sync.DirectoryStore;
import dev.sextant.connectors.sync.SourceSync;
import dev.sextant.connectors.testing.MemoryIndex;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Confluence Data Center against the fake's DC flavour: v1 under a context path with a personal access token,
 * users by user key and groups by name, the space permission from {@code /rest/api/space/{key}/permissions} and
 * what happens where that endpoint is missing.
 */
class ConfluenceDataCenterTest {

    private static final HttpSettings FAST = HttpSettings.DEFAULTS.withBackoff(Duration.ofMillis(5),
            Duration.ofMillis(50)).withRequestTimeout(Duration.ofSeconds(2));
    private static final Principal ENG = Principal.group("confluence", "g-eng");
    private static final Principal LEADS = Principal.group("confluence", "leads");
    private static final Principal BOB = Principal.account("confluence", "acc-bob");

    private final ConfluenceFixture fixture = ConfluenceFixture.dataCenter(3);
    private final ConfluenceServer server = fixture.server();
    private final ConnectorContext context = new ConnectorContext(SourceHttp.create(FAST, RateLimitRule.standard(),
            HttpObserver.NONE), new PlainTextExtractor(), ExtractionLimits.defaults(), 1 << 20, Clock.systemUTC());

    @AfterEach
    void close() {
        fixture.close();
    }

    private SourceConnector fromDefinition(String token) throws InvalidSourceException {
        return new ConfluenceConnectorFactory().create(new SourceDefinition("conf", "confluence",
                Map.of("base_url", server.site() + "/", "deployment", "datacenter"),
                Map.of("personal_access_token", token)), context);
    }

    @Test
    void aDefinitionWithAContextPathAndAPersonalAccessTokenSyncsUserKeysAndGroupNames() throws Exception {
        assertThat(server.site().getPath()).isEqualTo("/confluence");
        server.group("leads", "leads", List.of(new ConfluenceServer.User("acc-ann", "Ann", null)));
        ConfluenceServer.Content parent = server.create("page", fixture.eng(), null, "Leads", "<h2>Plan</h2>");
        ConfluenceServer.Content middle = server.create("page", fixture.eng(), parent.id(), "Middle", "<p>m</p>");
        ConfluenceServer.Content child = server.create("page", fixture.eng(), middle.id(), "Secret", "<p>s</p>");
        server.restrict(parent.id(), Set.of(), Set.of("leads"));
        server.restrict(child.id(), Set.of("acc-bob"), Set.of());

        MemoryIndex index = new MemoryIndex();
        index.sync(new SourceSync(fromDefinition(ConfluenceFixture.PAT), DirectoryStore.NONE));

        assertThat(index.documents().get("conf:page:" + child.id()).acl())
                .isEqualTo(Acl.of(AclClause.of(ENG), AclClause.of(LEADS), AclClause.of(BOB)));
        assertThat(index.documents().get("conf:page:" + middle.id()).acl())
                .isEqualTo(Acl.of(AclClause.of(ENG), AclClause.of(LEADS)));
        assertThat(index.documents().get("conf:page:" + parent.id()).body()).contains("## Plan");
        assertThat(index.documents().get("conf:page:" + parent.id()).url())
                .isEqualTo(server.site() + "/pages/viewpage.action?pageId=" + parent.id());
    }

    @Test
    void withoutTheSpacePermissionsEndpointTheSpaceAdmitsNobody() throws Exception {
        fixture.seed(4);
        server.withoutSpacePermissionsEndpoint();
        assertThatThrownBy(() -> ((ConnectionCheck) fromDefinition(ConfluenceFixture.PAT)).check())
                .isInstanceOf(SourceCheckException.class).hasMessageContaining("every document would admit nobody")
                .hasMessageContaining("/rest/api/space/ENG/permissions");
        MemoryIndex index = new MemoryIndex();
        index.sync(new SourceSync(fromDefinition(ConfluenceFixture.PAT), DirectoryStore.NONE));

        assertThat(index.documents()).hasSize(4).allSatisfy((id, d) -> {
            assertThat(d.acl()).isEqualTo(Acl.NONE);
            assertThat(d.acl().admits(Principals.of(ENG, Principal.account("confluence", "acc-fin"),
                    Principal.PUBLIC))).isFalse();
        });
    }

    @Test
    void aBadPersonalAccessTokenIsNamedAndAMissingOneRefused() throws Exception {
        assertThatThrownBy(() -> ((ConnectionCheck) fromDefinition("wrong")).check())
                .isInstanceOf(SourceCheckException.class).hasMessageContaining("refused the credentials (HTTP 401)");
        ((ConnectionCheck) fromDefinition(ConfluenceFixture.PAT)).check();
        assertThatThrownBy(() -> new ConfluenceConnectorFactory().create(new SourceDefinition("conf", "confluence",
                Map.of("base_url", server.site().toString(), "deployment", "datacenter"),
                Map.of("access_token", "t")), context)).isInstanceOf(InvalidSourceException.class)
                .hasMessageContaining("'personal_access_token'");
        assertThatThrownBy(() -> new ConfluenceConnectorFactory().create(new SourceDefinition("conf", "confluence",
                Map.of("base_url", server.site().toString(), "deployment", "server-ish"),
                Map.of("personal_access_token", "t")), context)).hasMessageContaining("cloud or datacenter");
    }
}
