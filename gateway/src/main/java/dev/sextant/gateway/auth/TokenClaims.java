package dev.sextant.gateway.auth;

import dev.sextant.acl.Principal;
import dev.sextant.acl.PrincipalResolver;
import dev.sextant.gateway.accounts.AccountRecord;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads what Sextant needs from a verified token's claims: its roles (the provider's admin and employee roles
 * mapped onto Sextant's, nothing else), the email if it is not marked unverified, and the groups. An email or a
 * group that would not make a valid principal is dropped alone, with a line to {@code dropped}; it never fails
 * the sign-in and never becomes something broader.
 */
public final class TokenClaims {

    /** What a token gives: Sextant role names, the email ({@code user:}, {@code domain:}) and the groups. */
    public record Claims(Set<String> roles, Optional<String> email, Set<String> groups) {
    }

    private static final int MAX_SHOWN = 80;

    private final List<String> rolesPath;
    private final String groupsClaim;
    private final String adminRole;
    private final String employeeRole;
    private final Consumer<String> dropped;

    public TokenClaims(String rolesClaim, String groupsClaim, String adminRole, String employeeRole,
                       Consumer<String> dropped) {
        this.rolesPath = List.of(rolesClaim.split("\\."));
        this.groupsClaim = groupsClaim;
        this.adminRole = adminRole;
        this.employeeRole = employeeRole;
        this.dropped = dropped;
    }

    /** @param claims the token's claims as parsed JSON: maps, lists, strings, booleans and numbers */
    public Claims read(Map<String, ?> claims) {
        Object who = claims.get("preferred_username") instanceof String name ? name : claims.get("sub");
        Consumer<String> log = line -> dropped.accept("token of " + shown(who) + ": " + line);
        return new Claims(roles(claims), email(claims, log), groups(claims, log));
    }

    private Set<String> roles(Map<String, ?> claims) {
        Object node = claims;
        for (String segment : rolesPath) {
            node = node instanceof Map<?, ?> map ? map.get(segment) : null;
        }
        Set<String> roles = new LinkedHashSet<>();
        if (node instanceof Collection<?> names) {
            if (names.contains(employeeRole)) {
                roles.add(AccountRecord.EMPLOYEE_ROLE);
            }
            if (names.contains(adminRole)) {
                roles.add(AccountRecord.ADMIN_ROLE);
            }
        }
        return Set.copyOf(roles);
    }

    private Optional<String> email(Map<String, ?> claims, Consumer<String> dropped) {
        Object email = claims.get("email");
        if (email == null) {
            return Optional.empty();
        }
        Object verified = claims.get("email_verified");
        if (Boolean.FALSE.equals(verified) || "false".equals(verified)) {
            dropped.accept("email " + shown(email) + " dropped: the provider marks it unverified");
            return Optional.empty();
        }
        if (!(email instanceof String text)) {
            dropped.accept("email claim dropped: not a string but " + shown(email));
            return Optional.empty();
        }
        try {
            String normalised = Principal.user(text).value().substring("user:".length());
            Principal.domain(normalised.substring(normalised.indexOf('@') + 1));
            return Optional.of(normalised);
        } catch (IllegalArgumentException e) {
            dropped.accept("email " + shown(text) + " dropped: " + bounded(e.getMessage()));
            return Optional.empty();
        }
    }

    private Set<String> groups(Map<String, ?> claims, Consumer<String> dropped) {
        Object value = claims.get(groupsClaim);
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof Collection<?> names)) {
            dropped.accept("groups claim '" + groupsClaim + "' dropped: not an array but " + shown(value));
            return Set.of();
        }
        Set<String> groups = new LinkedHashSet<>();
        for (Object name : names) {
            if (!(name instanceof String group)) {
                dropped.accept("group " + shown(name) + " dropped: not a string");
                continue;
            }
            try {
                Principal.group(PrincipalResolver.IDP_SOURCE, group);
                groups.add(group);
            } catch (IllegalArgumentException e) {
                dropped.accept("group " + shown(group) + " dropped: " + bounded(e.getMessage()));
            }
        }
        return Set.copyOf(groups);
    }

    /** A hostile claim goes into the log quoted, bounded and without line breaks. */
    private static String shown(Object value) {
        return "'" + bounded(String.valueOf(value)) + "'";
    }

    private static String bounded(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_SHOWN ? clean.substring(0, MAX_SHOWN) + "…" : clean;
    }
}
