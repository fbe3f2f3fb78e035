package dev.sextant.connectors.mediawiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.connectors.extract.ExtractionLimits;
import dev.sextant.connectors.extract.PlainTextExtractor;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.spi.ConnectorContext;
import dev.sextant.connectors.spi.ConnectorFactory;
import dev.sextant.connectors.spi.InvalidSourceException;
import dev.sextant.connectors.spi.SourceDefinition;
import java.time.Clock;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MediaWikiConnectorFactoryTest {

    private final ConnectorContext context = new ConnectorContext(SourceHttp.create(HttpSettings.DEFAULTS,
            new MediaWikiConnectorFactory().rateLimits(), HttpObserver.NONE), new PlainTextExtractor(),
            ExtractionLimits.defaults(), 1 << 20, Clock.systemUTC());

    @Test
    void isFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(ConnectorFactory.class).stream().map(p -> p.get().kind()))
                .contains("mediawiki");
    }

    @Test
    void aDefinitionWithSettingsAndTheBotPasswordMakesAConnector() throws Exception {
        var connector = new MediaWikiConnectorFactory().create(new SourceDefinition("wiki", "mediawiki",
                Map.of("api_url", "https://wiki.example.com/w/api.php", "namespaces", "0, 4",
                        "reader_principal", "domain:example.com", "username", "Sync@sextant"),
                Map.of("password", "secret")), context);
        assertThat(connector.id()).isEqualTo("wiki");
        assertThat(connector).isInstanceOf(MediaWikiConnector.class);
    }

    @Test
    void badSettingsAreNamed() {
        MediaWikiConnectorFactory factory = new MediaWikiConnectorFactory();
        assertThatThrownBy(() -> factory.create(new SourceDefinition("w", "mediawiki", Map.of(), Map.of()), context))
                .isInstanceOf(InvalidSourceException.class).hasMessageContaining("'api_url'");
        assertThatThrownBy(() -> factory.create(new SourceDefinition("w", "mediawiki",
                Map.of("api_url", "https://w.example.com/api.php", "namespaces", "main"), Map.of()), context))
                .hasMessageContaining("'namespaces' must be namespace numbers");
        assertThatThrownBy(() -> factory.create(new SourceDefinition("w", "mediawiki",
                Map.of("api_url", "https://w.example.com/api.php", "username", "A@b"), Map.of()), context))
                .hasMessageContaining("'password'");
        assertThatThrownBy(() -> factory.create(new SourceDefinition("w", "mediawiki",
                Map.of("dump_path", "/nonexistent/dump.xml", "reader_principal", "public"), Map.of()), context))
                .hasMessageContaining("not a readable file");
    }
}
