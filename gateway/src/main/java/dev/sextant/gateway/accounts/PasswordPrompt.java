package dev.sextant.gateway.accounts;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a new password: on a terminal without echo and twice, otherwise the first line of standard input
 * (for scripts: {@code printf '%s\n' "$PW" | ./sextant user add ...}). Never from the command line.
 */
public final class PasswordPrompt {

    /** Thrown when no usable password was given; the message says why. */
    public static final class NoPasswordException extends Exception {
        NoPasswordException(String message) {
            super(message);
        }
    }

    private final Console console;
    private final BufferedReader stdin;

    private PasswordPrompt(Console console, BufferedReader stdin) {
        this.console = console;
        this.stdin = stdin;
    }

    /** The terminal when there is one, else standard input. */
    public static PasswordPrompt system() {
        Console console = System.console();
        return isTerminal(console) ? new PasswordPrompt(console, null) : fromStream(System.in);
    }

    /** Reads from a stream, as when standard input is not a terminal. */
    public static PasswordPrompt fromStream(InputStream in) {
        return new PasswordPrompt(null, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    }

    public char[] read(String username) throws NoPasswordException, IOException {
        if (console == null) {
            String line = stdin.readLine();
            if (line == null) {
                throw new NoPasswordException("no password on standard input: type it on a terminal, or pipe it "
                        + "in as the first line");
            }
            return line.toCharArray();
        }
        char[] first = console.readPassword("Password for %s (at least %d characters): ", username,
                AccountInput.MIN_PASSWORD_LENGTH);
        char[] second = first == null ? null : console.readPassword("Repeat the password: ");
        if (first == null || second == null) {
            throw new NoPasswordException("no password entered");
        }
        try {
            if (!Arrays.equals(first, second)) {
                throw new NoPasswordException("the two passwords differ; nothing was changed");
            }
            return first;
        } finally {
            Arrays.fill(second, '\0');
        }
    }

    /** JDK 22+ returns a console even when the streams are redirected, and says so by {@code isTerminal}. */
    private static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException jdk21) {
            return true;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot ask the console whether it is a terminal", e);
        }
    }
}
