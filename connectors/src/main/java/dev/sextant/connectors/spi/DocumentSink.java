package dev.sextant.connectors.spi;

import dev.sextant.connectors.SourceDocument;
import java.io.IOException;

/** What a {@link FullLoad} writes into. */
public interface DocumentSink {

    /**
     * Says a document exists with this content version and ACL. Returns true when its content must follow with
     * {@link #upsert} (new, or its content changed); false when the index has this content already, in which case
     * an ACL change has been applied and nothing else is needed. Offering before fetching content is what makes an
     * unchanged re-sync cheap.
     */
    boolean offer(SlimDocument document) throws IOException;

    /** Hands over a document's content (offered or not). */
    void upsert(SourceDocument document) throws IOException;

    /**
     * Records an item left out, with a reason a person can act on. A skipped item that the index holds stays as it
     * is (a transient failure never deletes) unless the connector also deletes it.
     */
    void skip(String documentId, String reason);

    /** How many documents the load will offer, when known; for progress only. */
    default void discovered(int documents) {
    }
}
