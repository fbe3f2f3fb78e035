package dev.sextant.connectors.spi;

import java.io.IOException;

/**
 * Lists every document without its content: id, content version and ACL. After each incremental poll the framework
 * uses it to delete what is gone and to apply permission-only changes, neither re-fetching nor re-embedding.
 */
public interface SlimListing {

    void listSlim(SlimSink sink) throws IOException, InterruptedException;
}
