package dev.sextant.connectors.fs;

import dev.sextant.connectors.Connector;
import dev.sextant.connectors.spi.SourceConnector;

/**
 * A folder configured as a source of the platform. The filesystem connector keeps its own sync (it compares
 * modification times, sizes and sidecar ACLs itself, which the framework's offer-then-fetch would only repeat), so
 * the platform runs {@link #connector()} as it is instead of wrapping it in the framework's sync.
 */
public final class FilesystemSource implements SourceConnector {

    private final String id;
    private final FilesystemConnector connector;

    public FilesystemSource(String id, FilesystemConnector connector) {
        this.id = id;
        this.connector = connector;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return FilesystemConnectorFactory.KIND;
    }

    /** What syncs the folder; its id ({@code fs:<root>}) names the documents in the index. */
    public Connector connector() {
        return connector;
    }
}
