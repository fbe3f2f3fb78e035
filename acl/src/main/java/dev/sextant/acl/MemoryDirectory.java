package dev.sextant.acl;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An {@link IdentityDirectory} held in memory: a read-only copy of the identity map and group memberships, built
 * once and swapped whole when a sync changes them, so that resolving a reader costs no database round trip.
 */
public final class MemoryDirectory implements IdentityDirectory {

    private final Map<String, Set<Principal>> accounts;
    private final Map<Principal, Set<Principal>> containing;

    private MemoryDirectory(Map<String, Set<Principal>> accounts, Map<Principal, Set<Principal>> containing) {
        this.accounts = accounts;
        this.containing = containing;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Set<Principal> accountsOf(String email) {
        return accounts.getOrDefault(email.toLowerCase(Locale.ROOT), Set.of());
    }

    @Override
    public Set<Principal> groupsContaining(Principal member) {
        return containing.getOrDefault(member, Set.of());
    }

    /** Collects links and memberships; {@link #build()} freezes them. */
    public static final class Builder {

        private final Map<String, Set<Principal>> accounts = new HashMap<>();
        private final Map<Principal, Set<Principal>> containing = new HashMap<>();

        private Builder() {
        }

        /** Links a source account to a person's email. */
        public Builder link(String email, Principal account) {
            accounts.computeIfAbsent(Principal.user(email).email(), e -> new HashSet<>()).add(account);
            return this;
        }

        /** Records that {@code group} lists {@code member} directly. */
        public Builder member(Principal group, Principal member) {
            containing.computeIfAbsent(member, m -> new HashSet<>()).add(group);
            return this;
        }

        public MemoryDirectory build() {
            Map<String, Set<Principal>> a = new HashMap<>();
            accounts.forEach((k, v) -> a.put(k, Set.copyOf(v)));
            Map<Principal, Set<Principal>> c = new HashMap<>();
            containing.forEach((k, v) -> c.put(k, Set.copyOf(v)));
            return new MemoryDirectory(Map.copyOf(a), Map.copyOf(c));
        }
    }
}
