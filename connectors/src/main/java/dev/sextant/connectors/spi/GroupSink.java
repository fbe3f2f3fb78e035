package dev.sextant.connectors.spi;

import dev.sextant.acl.Principal;
import java.util.Collection;

/** Receives a {@link GroupSync}. */
public interface GroupSink {

    void group(Principal group, Collection<Principal> members);
}
