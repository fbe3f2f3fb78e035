package dev.sextant.gateway.accounts;

import java.util.Set;
import java.util.TreeSet;

/**
 * A built-in account as the {@code account}, {@code account_role} and {@code account_group} tables hold it,
 * without its password hash. Every account has the {@code employee} role; {@code admin} adds the admin role.
 */
public record AccountRecord(String username, String email, String displayName, Set<String> groups, boolean admin,
                            boolean demo) {

    /** May search, answer and chat. Accounts stored before this name had {@code user} (migration V4 renames it). */
    public static final String EMPLOYEE_ROLE = "employee";
    /** Also manages sources, identities and settings; reads no more than an employee. */
    public static final String ADMIN_ROLE = "admin";

    public AccountRecord {
        groups = Set.copyOf(groups);
    }

    /** The roles rows written for this account. */
    public Set<String> roles() {
        return admin ? Set.of(EMPLOYEE_ROLE, ADMIN_ROLE) : Set.of(EMPLOYEE_ROLE);
    }

    /** The groups in a stable order, for listings. */
    public Set<String> sortedGroups() {
        return new TreeSet<>(groups);
    }
}
