package dev.sextant.gateway.accounts;

import dev.sextant.acl.Principal;
import dev.sextant.acl.PrincipalResolver;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks what a person types for an account, with messages that say what is expected. */
public final class AccountInput {

    public static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; a longer password would be silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@:,]{1,64}@[^\\s@:,]+\\.[^\\s@:,]+");

    private AccountInput() {
    }

    /** Thrown when a value does not have the expected shape; its message is meant for the person typing. */
    public static final class InvalidInputException extends IllegalArgumentException {
        InvalidInputException(String message) {
            super(message);
        }
    }

    public static String username(String name) {
        if (name == null || !USERNAME.matcher(name).matches()) {
            throw new InvalidInputException("invalid account name '" + name + "': use 1 to 64 lower-case letters, "
                    + "digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    /** The email, lower case: it becomes the account's {@code user:} principal and gives its {@code domain:}. */
    public static String email(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        try {
            if (e.length() > 320 || !EMAIL.matcher(e).matches()) {
                throw new IllegalArgumentException("not name@domain");
            }
            Principal.user(e);
            Principal.domain(e.substring(e.indexOf('@') + 1));
        } catch (IllegalArgumentException notAnEmail) {
            throw new InvalidInputException("invalid email '" + email + "': expected an address such as "
                    + "dana@example.com (it becomes the account's user: principal, and its domain a domain: one)");
        }
        return e;
    }

    /** A group of the built-in login; it becomes {@code group:idp:<group>}. */
    public static String group(String group) {
        try {
            if (group == null || group.length() > 200) {
                throw new IllegalArgumentException("too long");
            }
            Principal.group(PrincipalResolver.IDP_SOURCE, group);
        } catch (IllegalArgumentException notAGroup) {
            throw new InvalidInputException("invalid group '" + group + "': up to 200 characters without spaces "
                    + "or commas, not starting with ':' (it becomes the principal group:idp:<group>)");
        }
        return group;
    }

    public static char[] password(char[] password) {
        if (password.length < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("the password is too short: at least " + MIN_PASSWORD_LENGTH
                    + " characters");
        }
        if (new String(password).getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInputException("the password is too long: bcrypt uses at most " + MAX_PASSWORD_BYTES
                    + " bytes of it");
        }
        return password;
    }
}
