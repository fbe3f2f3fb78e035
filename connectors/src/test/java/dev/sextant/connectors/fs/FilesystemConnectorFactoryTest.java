package dev.sextant.connectors.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.connectors.extract.ExtractionLimits;
import dev.sextant.connectors.extract.TextExtractor;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.http.RateLimitRule;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.spi.ConnectorContext;
import dev.sextant.connectors.spi.ConnectorFactory;
import dev.sextant.connectors.spi.InvalidSourceException;
import dev.sextant.connectors.spi.SourceDefinition;
import dev.sextant.connectors.testing.MemoryIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemConnectorFactoryTest {

    @TempDir
    Path dir;

    private final ConnectorContext context = new ConnectorContext(
            SourceHttp.create(HttpSettings.DEFAULTS, RateLimitRule.standard(), HttpObserver.NONE),
            TextExtractor.standard(ExtractionLimits.defaults()), ExtractionLimits.defaults(), 1024 * 1024,
            Clock.systemUTC());

    @Test
    void isFoundByServiceLoaderAsKindFilesystem() {
        assertThat(ServiceLoader.load(ConnectorFactory.class).stream().map(ServiceLoader.Provider::get)
                .map(ConnectorFactory::kind)).contains("filesystem");
    }

    @Test
    void aDefinitionBuildsTheFolderConnectorWithItsDefaultAcl() throws Exception {
        Files.writeString(dir.resolve("plan.md"), "# Plan\n\nThe plan.\n");
        FilesystemSource source = (FilesystemSource) new FilesystemConnectorFactory().create(new SourceDefinition(
                "docs", "filesystem", Map.of("root", dir.toString(), "default_acl", "group:idp:staff;domain:x.example"),
                Map.of()), context);

        assertThat(source.id()).isEqualTo("docs");
        assertThat(source.connector().id()).isEqualTo("fs:" + dir.toAbsolutePath().normalize());
        MemoryIndex index = new MemoryIndex();
        index.sync(source.connector());
        assertThat(index.documents().values()).singleElement().satisfies(d ->
                assertThat(d.acl().format()).isEqualTo("group:idp:staff\ndomain:x.example"));
    }

    @Test
    void badSettingsAreNamed() {
        FilesystemConnectorFactory factory = new FilesystemConnectorFactory();
        assertThatThrownBy(() -> factory.create(definition(Map.of()), context))
                .isInstanceOf(InvalidSourceException.class).hasMessageContaining("'root'");
        assertThatThrownBy(() -> factory.create(definition(Map.of("root", "relative/dir")), context))
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> factory.create(definition(Map.of("root", dir.toString(), "default_acl", "nobody")),
                context)).hasMessageContaining("'default_acl'");
        assertThatThrownBy(() -> factory.create(definition(Map.of("root", dir.toString(), "max_file_mb", "lots")),
                context)).hasMessageContaining("'max_file_mb'");
    }

    private static SourceDefinition definition(Map<String, String> settings) {
        return new SourceDefinition("docs", "filesystem", settings, Map.of());
    }
}
