package dev.sextant.connectors.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.connectors.extract.ExtractionLimits;
import dev.sextant.connectors.extract.TextExtractor;
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

/** The {@code github} kind is found by the platform, and a definition that cannot work says which setting is wrong. */
class GitHubConnectorFactoryTest {

    private static final ConnectorContext CONTEXT = new ConnectorContext(SourceHttp.create(HttpSettings.DEFAULTS,
            GitHubRateLimits.rule(), HttpObserver.NONE), TextExtractor.standard(), ExtractionLimits.defaults(),
            10_000_000, Clock.systemUTC());

    private static void create(Map<String, String> settings, Map<String, String> secrets) throws InvalidSourceException {
        new GitHubConnectorFactory().create(new SourceDefinition("gh", "github", settings, secrets), CONTEXT);
    }

    @Test
    void theServiceLoaderFindsTheGitHubKind() {
        assertThat(ServiceLoader.load(ConnectorFactory.class).stream().map(p -> p.get().kind())).contains("github");
    }

    @Test
    void aDefinitionThatCannotWorkNamesTheSetting() {
        assertThatThrownBy(() -> create(Map.of(), Map.of("token", "t"))).hasMessageContaining("exactly one of 'org' or 'user'");
        assertThatThrownBy(() -> create(Map.of("org", "acme", "user", "bob"), Map.of("token", "t")))
                .hasMessageContaining("exactly one of");
        assertThatThrownBy(() -> create(Map.of("org", "acme"), Map.of())).hasMessageContaining("'token'")
                .hasMessageContaining("'private_key'");
        assertThatThrownBy(() -> create(Map.of("org", "acme", "app_id", "1", "installation_id", "2"),
                Map.of("private_key", "not a key"))).hasMessageContaining("private_key cannot be read");
        assertThatThrownBy(() -> create(Map.of("org", "acme", "base_url", "ftp://x"), Map.of("token", "t")))
                .hasMessageContaining("base_url must be an http(s) URL");
        assertThatThrownBy(() -> create(Map.of("org", "acme", "max_file_bytes", "-3"), Map.of("token", "t")))
                .hasMessageContaining("max_file_bytes");
    }

    @Test
    void repositoryGlobsIncludeAndExcludeByName() throws InvalidSourceException {
        GitHubSettings settings = GitHubSettings.from(new SourceDefinition("gh", "github", Map.of("org", "acme",
                "include", "docs-*, handbook", "exclude", "*-old"), Map.of()), 0);
        assertThat(settings.wanted("Docs-Site")).isTrue();
        assertThat(settings.wanted("handbook")).isTrue();
        assertThat(settings.wanted("docs-old")).isFalse();
        assertThat(settings.wanted("payroll")).isFalse();
    }
}
