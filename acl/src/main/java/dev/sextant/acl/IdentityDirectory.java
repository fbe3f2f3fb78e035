package dev.sextant.acl;

import java.util.Set;

/**
 * Port: what the synced sources say about people. The identity map links a person's email to their accounts in
 * each source ({@code account:github:583231}); group sync says which groups directly contain a member, where a
 * member is a {@code user:}, an {@code account:} or another {@code group:} principal.
 */
public interface IdentityDirectory {

    IdentityDirectory EMPTY = new IdentityDirectory() {
        @Override
        public Set<Principal> accountsOf(String email) {
            return Set.of();
        }

        @Override
        public Set<Principal> groupsContaining(Principal member) {
            return Set.of();
        }
    };

    /** The source accounts linked to this email (lower case) in the identity map. */
    Set<Principal> accountsOf(String email);

    /** The groups that list this principal as a direct member. */
    Set<Principal> groupsContaining(Principal member);
}
