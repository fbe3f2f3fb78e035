package dev.sextant.gateway.sources;

import dev.sextant.connectors.Connector;
import dev.sextant.connectors.extract.BoundedExtractor;
import dev.sextant.connectors.extract.ExtractionLimits;
import dev.sextant.connectors.extract.TextExtractor;
import dev.sextant.connectors.fs.FilesystemSource;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.spi.ConnectorContext;
import dev.sextant.connectors.spi.ConnectorFactory;
import dev.sextant.connectors.spi.InvalidSourceException;
import dev.sextant.connectors.spi.SourceConnector;
import dev.sextant.connectors.spi.SourceDefinition;
import dev.sextant.connectors.sync.DirectoryStore;
import dev.sextant.connectors.sync.SourceSync;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The connector kinds on the class path ({@link ConnectorFactory} through {@link ServiceLoader}), and what the
 * platform gives each source it builds: its own HTTP layer reporting to the run's observer, and bounded extraction.
 */
public final class ConnectorRegistry {

    private final Map<String, ConnectorFactory> factories;
    private final long maxFileBytes;

    ConnectorRegistry(Map<String, ConnectorFactory> factories, long maxFileBytes) {
        this.factories = Map.copyOf(factories);
        this.maxFileBytes = maxFileBytes;
    }

    /** The factories the context class loader finds; two of one kind are refused. */
    public static ConnectorRegistry load(long maxFileBytes) {
        Map<String, ConnectorFactory> found = new TreeMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (ConnectorFactory factory : ServiceLoader.load(ConnectorFactory.class,
                loader == null ? ConnectorRegistry.class.getClassLoader() : loader)) {
            ConnectorFactory before = found.put(factory.kind(), factory);
            if (before != null && before.getClass() != factory.getClass()) {
                throw new IllegalStateException("two connector factories claim the kind '" + factory.kind() + "': "
                        + before.getClass().getName() + " and " + factory.getClass().getName());
            }
        }
        return new ConnectorRegistry(found, maxFileBytes);
    }

    /** Kind to factory, by kind. */
    public Map<String, ConnectorFactory> kinds() {
        return new TreeMap<>(factories);
    }

    public Optional<ConnectorFactory> factory(String kind) {
        return Optional.ofNullable(factories.get(kind));
    }

    /** Builds the source's connector; its HTTP layer honours the kind's rate limits and reports to {@code observer}. */
    public SourceConnector create(SourceDefinition definition, HttpObserver observer) throws InvalidSourceException {
        ConnectorFactory factory = factory(definition.kind()).orElseThrow(() -> new InvalidSourceException(
                "unknown connector kind '" + definition.kind() + "'; known: " + String.join(", ", factories.keySet())));
        ExtractionLimits limits = ExtractionLimits.defaults();
        ConnectorContext context = new ConnectorContext(
                SourceHttp.create(HttpSettings.DEFAULTS, factory.rateLimits(), observer),
                new BoundedExtractor(TextExtractor.standard(limits), limits), limits, maxFileBytes, Clock.systemUTC());
        return factory.create(definition, context);
    }

    /**
     * What the indexer runs for a source: the framework's sync, storing groups and identities in {@code directory},
     * or the filesystem connector's own.
     */
    public static Connector syncOf(SourceConnector source, DirectoryStore directory) {
        return source instanceof FilesystemSource fs ? fs.connector() : new SourceSync(source, directory);
    }
}
