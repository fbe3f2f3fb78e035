package dev.sextant.connectors;

/** Short, readable accounts of failures for skip reasons. */
public final class Failures {

    private Failures() {
    }

    /**
     * E.g. {@code "AccessDeniedException: /srv/share/a.pdf"} or {@code "StackOverflowError"}; NIO's messages
     * alone are often just the path, and an {@link Error}'s often nothing.
     */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
