package dev.sextant.bench;

/** The command line cannot be run as given; the command prints the message and its usage, and exits 2. */
public class UsageException extends IllegalArgumentException {
    public UsageException(String message) {
        super(message);
    }
}
