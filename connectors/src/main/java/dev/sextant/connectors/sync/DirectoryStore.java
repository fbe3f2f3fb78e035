package dev.sextant.connectors.sync;

import dev.sextant.acl.Principal;
import dev.sextant.connectors.spi.SourceIdentity;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Port: where synced groups and discovered identities are kept (the gateway's relational store). */
public interface DirectoryStore {

    DirectoryStore NONE = new DirectoryStore() {
        @Override
        public void replaceGroups(String sourceId, Map<Principal, Set<Principal>> members) {
        }

        @Override
        public void recordIdentities(String sourceId, Collection<SourceIdentity> identities) {
        }
    };

    /** Replaces every group this source synced before with these, each with its direct members. */
    void replaceGroups(String sourceId, Map<Principal, Set<Principal>> members) throws IOException;

    /**
     * Records the source's accounts: each one with an email is linked to it unless an admin linked it otherwise;
     * the rest are listed as unmapped.
     */
    void recordIdentities(String sourceId, Collection<SourceIdentity> identities) throws IOException;
}
