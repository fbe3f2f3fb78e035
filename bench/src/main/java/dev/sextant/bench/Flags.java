package dev.sextant.bench;

/**
 * The options of a command line given as {@code --flag value} pairs, read in order:
 * <pre>
 *   Flags flags = new Flags(args);
 *   while (flags.next()) {
 *       switch (flags.flag()) { case "--out" -> out = Path.of(flags.value()); ... }
 *   }
 * </pre>
 * {@code -h}/{@code --help} is a {@link UsageException} with an empty message (print the usage, exit 0), and a
 * flag without a value, or a stray word, one that says so.
 */
public final class Flags {

    private final String[] args;
    private int at = -2;

    public Flags(String[] args) {
        this.args = args.clone();
    }

    /** Moves to the next pair; false when there is none. */
    public boolean next() {
        at += 2;
        if (at >= args.length) {
            return false;
        }
        String flag = args[at];
        if (flag.equals("--help") || flag.equals("-h")) {
            throw new UsageException("");
        }
        if (at + 1 >= args.length) {
            throw new UsageException(flag.startsWith("--") ? flag + " needs a value" : "unexpected argument '" + flag + "'");
        }
        return true;
    }

    public String flag() {
        return args[at];
    }

    public String value() {
        return args[at + 1];
    }
}
