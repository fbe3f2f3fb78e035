package dev.sextant.connectors.spi;

import java.io.IOException;
import java.util.function.Consumer;

/** Lists the source's accounts, with their emails where the source tells, for the identity map. */
public interface IdentityDiscovery {

    void discoverIdentities(Consumer<SourceIdentity> sink) throws IOException, InterruptedException;
}
