package dev.sextant.connectors.spi;

import java.io.IOException;

/** Lists everything the source holds now. The framework deletes what the index holds and the load did not offer. */
public interface FullLoad {

    /**
     * Offers every document ({@link DocumentSink#offer}), handing over the content of those the sink asks for.
     * A document the connector cannot read is {@linkplain DocumentSink#skip skipped} and still counts as seen
     * when it says so, so that a transient failure never deletes it.
     */
    void loadAll(DocumentSink sink) throws IOException, InterruptedException;
}
