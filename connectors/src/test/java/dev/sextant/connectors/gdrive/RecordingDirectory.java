package dev.sextant.connectors.gdrive;

import dev.sextant.acl.MemoryDirectory;
import dev.sextant.acl.Principal;
import dev.sextant.acl.PrincipalResolver;
import dev.sextant.acl.Principals;
import dev.sextant.connectors.spi.SourceIdentity;
import dev.sextant.connectors.sync.DirectoryStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Keeps the groups a sync stored, and resolves readers against them as the gateway would. */
final class RecordingDirectory implements DirectoryStore {

    private volatile Map<Principal, Set<Principal>> groups = Map.of();

    @Override
    public void replaceGroups(String sourceId, Map<Principal, Set<Principal>> members) {
        groups = Map.copyOf(members);
    }

    @Override
    public void recordIdentities(String sourceId, Collection<SourceIdentity> identities) {
    }

    Map<Principal, Set<Principal>> groups() {
        return groups;
    }

    Principals reader(String email) {
        MemoryDirectory.Builder builder = MemoryDirectory.builder();
        groups.forEach((group, members) -> members.forEach(m -> builder.member(group, m)));
        return new PrincipalResolver(builder.build()).resolve(email, List.of());
    }
}
