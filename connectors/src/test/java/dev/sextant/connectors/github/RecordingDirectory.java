package dev.sextant.connectors.github;

import dev.sextant.acl.MemoryDirectory;
import dev.sextant.acl.Principal;
import dev.sextant.connectors.spi.SourceIdentity;
import dev.sextant.connectors.sync.DirectoryStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@link DirectoryStore} that keeps the last groups and identities a sync gave it, as a {@link MemoryDirectory}. */
final class RecordingDirectory implements DirectoryStore {

    Map<Principal, Set<Principal>> groups = Map.of();
    List<SourceIdentity> identities = List.of();

    @Override
    public void replaceGroups(String sourceId, Map<Principal, Set<Principal>> members) {
        groups = Map.copyOf(members);
    }

    @Override
    public void recordIdentities(String sourceId, Collection<SourceIdentity> found) {
        identities = new ArrayList<>(found);
    }

    /** The directory as the gateway would build it, with extra admin links ({@code email, account}). */
    MemoryDirectory directory(Map<String, Principal> adminLinks) {
        MemoryDirectory.Builder builder = MemoryDirectory.builder();
        groups.forEach((group, members) -> members.forEach(m -> builder.member(group, m)));
        identities.forEach(i -> i.email().ifPresent(e -> builder.link(e, i.account())));
        adminLinks.forEach(builder::link);
        return builder.build();
    }
}
