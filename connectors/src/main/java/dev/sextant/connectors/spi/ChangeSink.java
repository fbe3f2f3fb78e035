package dev.sextant.connectors.spi;

import java.io.IOException;

/** What an {@link IncrementalPoll} writes into. */
public interface ChangeSink extends DocumentSink {

    /** The document is gone, or the connector may no longer read it. */
    void delete(String documentId) throws IOException;

    /** Everything before {@code cursor} has been handed over: a crash after this resumes from it. */
    void checkpoint(String cursor);
}
