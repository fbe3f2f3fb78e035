package dev.sextant.acl;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Someone or something that can be granted access: {@code user:<email>}, {@code account:<source>:<id>} (an
 * account in one source, such as a GitHub user id), {@code group:<source>:<id>}, {@code domain:<domain>} or
 * {@code public}. The string form is what the index stores and what ACL
 * filters match, so it is normalised once, here: kinds and emails and domains are lower case.
 */
public record Principal(String value) implements Comparable<Principal> {

    public static final Principal PUBLIC = new Principal("public");

    private static final Pattern EMAIL = Pattern.compile("[^\\s@:,]+@[^\\s@:,]+");
    /** RFC 1035's limits: a name of at most 253 characters, of labels of at most 63. */
    private static final int MAX_DOMAIN = 253;
    private static final int MAX_LABEL = 63;
    private static final Pattern GROUP_PART = Pattern.compile("[^\\s,:][^\\s,]*");
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

    public Principal {
        Objects.requireNonNull(value, "value");
    }

    public static Principal user(String email) {
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(normalised).matches()) {
            throw new IllegalArgumentException("not an email address: '" + email + "'");
        }
        return new Principal("user:" + normalised);
    }

    public static Principal group(String source, String id) {
        return sourced("group", source, id);
    }

    /** A person's account in one source, by the source's own id for it (not a guessed email). */
    public static Principal account(String source, String id) {
        return sourced("account", source, id);
    }

    private static Principal sourced(String kind, String source, String id) {
        String s = source.strip().toLowerCase(Locale.ROOT);
        if (!SOURCE.matcher(s).matches()) {
            throw new IllegalArgumentException("not a valid " + kind + " source: '" + source + "'");
        }
        if (!GROUP_PART.matcher(id).matches()) {
            throw new IllegalArgumentException("not a valid " + kind + " id: '" + id + "'");
        }
        return new Principal(kind + ":" + s + ":" + id);
    }

    /** The email of a {@code user:} principal. */
    public String email() {
        if (!value.startsWith("user:")) {
            throw new IllegalStateException(value + " is not a user principal");
        }
        return value.substring("user:".length());
    }

    public static Principal domain(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        if (!isDomain(d)) {
            throw new IllegalArgumentException("not a domain: '" + (domain.length() > 100 ? domain.substring(0, 100) + "…" : domain) + "'");
        }
        return new Principal("domain:" + d);
    }

    /**
     * Two or more dot-separated labels of {@code [a-z0-9-]}, none starting or ending with {@code -}, within
     * RFC 1035's lengths. A scan rather than a regex: a nested repetition backtracks, and overflows the stack
     * on a long enough line of a sidecar file.
     */
    private static boolean isDomain(String d) {
        if (d.isEmpty() || d.length() > MAX_DOMAIN) {
            return false;
        }
        int labels = 0;
        int start = 0;
        while (start <= d.length()) {
            int end = d.indexOf('.', start);
            if (end < 0) {
                end = d.length();
            }
            int length = end - start;
            if (length == 0 || length > MAX_LABEL || d.charAt(start) == '-' || d.charAt(end - 1) == '-') {
                return false;
            }
            for (int i = start; i < end; i++) {
                char c = d.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                    return false;
                }
            }
            labels++;
            start = end + 1;
        }
        return labels >= 2;
    }

    /** Parses the string form, normalising it; throws {@link IllegalArgumentException} with a reason. */
    public static Principal parse(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("public")) {
            return PUBLIC;
        }
        int colon = t.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a principal: '" + text
                    + "' (expected user:<email>, account:<source>:<id>, group:<source>:<id>, domain:<domain> or public)");
        }
        String kind = t.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = t.substring(colon + 1);
        return switch (kind) {
            case "user" -> user(rest);
            case "domain" -> domain(rest);
            case "group", "account" -> {
                int sep = rest.indexOf(':');
                if (sep <= 0) {
                    throw new IllegalArgumentException("not a " + kind + " principal: '" + text + "' (expected "
                            + kind + ":<source>:<id>)");
                }
                yield sourced(kind, rest.substring(0, sep), rest.substring(sep + 1));
            }
            default -> throw new IllegalArgumentException("unknown principal kind '" + kind + "' in '" + text + "'");
        };
    }

    @Override
    public int compareTo(Principal other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
