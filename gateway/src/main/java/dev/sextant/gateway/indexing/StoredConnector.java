package dev.sextant.gateway.indexing;

import dev.sextant.connectors.Connector;
import dev.sextant.connectors.SyncSession;
import dev.sextant.connectors.http.HttpObserver;
import java.io.IOException;

/**
 * A source stored through the admin API, as the scheduler holds it: its connector is built afresh for every run
 * (secrets opened, an HTTP layer reporting to that run), so an edit applies to the next run.
 */
final class StoredConnector implements Connector {

    /** Builds the source's sync for one run. */
    @FunctionalInterface
    interface Opener {
        Connector open(HttpObserver observer) throws IOException;
    }

    private final String connectorId;
    private final Opener opener;

    StoredConnector(String connectorId, Opener opener) {
        this.connectorId = connectorId;
        this.opener = opener;
    }

    @Override
    public String id() {
        return connectorId;
    }

    Connector open(HttpObserver observer) throws IOException {
        return opener.open(observer);
    }

    @Override
    public void sync(SyncSession session) throws IOException, InterruptedException {
        open(HttpObserver.NONE).sync(session);
    }
}
