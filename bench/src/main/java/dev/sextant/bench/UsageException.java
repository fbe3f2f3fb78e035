package dev.sextant.bench;

import java.io.PrintStream;

/** The command line cannot be run as given; the command prints the message and its usage, and exits 2. */
public class UsageException extends IllegalArgumentException {
    public UsageException(String message) {
        super(message);
    }

    /**
     * Prints {@code error: <message>} (unless the message is empty: a plain {@code --help}) and the usage.
     *
     * @return the exit status: 0 for {@code --help}, 2 for a bad command line
     */
    public static int report(IllegalArgumentException e, PrintStream err, String usage) {
        if (!e.getMessage().isEmpty()) {
            err.println("error: " + e.getMessage());
        }
        err.println(usage);
        return e.getMessage().isEmpty() ? 0 : 2;
    }
}
