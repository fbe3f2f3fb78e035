package dev.sextant.connectors.confluence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.connectors.extract.ExtractionLimits;
import dev.sextant.connectors.extract.PlainTextExtractor;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.http.RateLimitRule;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.spi.ConnectorContext;
import dev.sextant.connectors.spi.ConnectorFactory;
import dev.sextant.connectors.spi.InvalidSourceException;
import dev.sextant.connectors.spi.SourceDefinition;
import dev.sextant.connectors.testing.MemoryIndex;
import dev.sextant.connectors.sync.DirectoryStore;
import dev.sextant.connectors.sync.SourceSync;
import java.time.Clock;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ConfluenceConnectorFactoryTest {

    private final ConnectorContext context = new ConnectorContext(SourceHttp.create(HttpSettings.DEFAULTS,
            RateLimitRule.standard(), HttpObserver.NONE), new PlainTextExtractor(), ExtractionLimits.defaults(),
            1 << 20, Clock.systemUTC());

    @Test
    void isFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(ConnectorFactory.class).stream().map(p -> p.get().kind()))
                .contains("confluence", "mediawiki");
    }

    @Test
    void aDefinitionWithAnOAuthTokenSyncsTheSpacesItIncludes() throws Exception {
        try (ConfluenceFixture fixture = new ConfluenceFixture(10)) {
            fixture.seed(4);
            var connector = new ConfluenceConnectorFactory().create(new SourceDefinition("conf", "confluence",
                    Map.of("base_url", fixture.server().site() + "/wiki/", "spaces_include", "FIN"),
                    Map.of("access_token", "fake-oauth-token")), context);
            MemoryIndex index = new MemoryIndex();
            index.sync(new SourceSync(connector, DirectoryStore.NONE));
            assertThat(index.documents()).hasSize(2).allSatisfy((id, d) -> assertThat(d.url()).contains("/FIN/"));
        }
    }

    @Test
    void missingCredentialsAndBadUrlsAreNamed() {
        ConfluenceConnectorFactory factory = new ConfluenceConnectorFactory();
        assertThatThrownBy(() -> factory.create(new SourceDefinition("c", "confluence",
                Map.of("base_url", "https://acme.atlassian.net", "email", "a@b.example"), Map.of()), context))
                .isInstanceOf(InvalidSourceException.class).hasMessageContaining("'api_token'");
        assertThatThrownBy(() -> factory.create(new SourceDefinition("c", "confluence",
                Map.of("base_url", "acme.atlassian.net"), Map.of("access_token", "t")), context))
                .hasMessageContaining("'base_url' must be the site's https URL");
    }
}
