package dev.sextant.connectors.spi;

import dev.sextant.connectors.SourceDocument;
import java.io.IOException;
import java.util.Optional;

/** Reads one document by id, for a slim listing that found its content changed. */
public interface DocumentFetch {

    /** The document as it is now; empty when it is gone or the connector may no longer read it. */
    Optional<SourceDocument> fetch(String documentId) throws IOException, InterruptedException;
}
