package dev.sextant.connectors.testing;

import dev.sextant.acl.Acl;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.spi.SourceConnector;
import java.io.Closeable;
import java.time.Duration;
import java.util.Set;

/**
 * A connector's fake source, as {@link ConnectorContractTest} drives it: a local server speaking the real API,
 * whose content the test changes between syncs and whose next answers it can turn into failures.
 */
public interface SourceFixture extends Closeable {

    /** The fake's page size for listings: the contract seeds several pages. */
    int pageSize();

    /** Adds documents readable by someone (not public only), spread over the fake's containers. */
    void seed(int documents);

    /** The document ids the connector must produce for what the fake holds now. */
    Set<String> documentIds();

    /** Changes one document's content (not its permissions); returns its id. */
    String editContent();

    /** Changes one document's permissions (not its content); returns its id and the ACL the index must then hold. */
    AclChange changeAcl();

    /** Deletes one document (or makes it unreadable to the connector); returns its id. */
    String deleteDocument();

    /** The next request the connector sends is refused the way this source says "rate limited", resetting in {@code resetIn}. */
    void refuseNextWithRateLimit(Duration resetIn);

    /** The next {@code requests} requests are answered with this 5xx status and the source's error body. */
    void failNext(int requests, int status);

    /** The next {@code requests} requests get no answer for longer than the connector's request timeout. */
    void stallNext(int requests);

    /** A connector pointed at the fake, its HTTP layer built with these settings and observer. */
    SourceConnector connector(HttpSettings settings, HttpObserver observer);

    record AclChange(String documentId, Acl acl) {
    }
}
