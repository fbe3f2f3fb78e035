package dev.sextant.connectors.fs;

import java.io.IOException;

/** Short, readable accounts of I/O failures for skip reasons. */
final class IoErrors {

    private IoErrors() {
    }

    /** E.g. {@code "AccessDeniedException: /srv/share/a.pdf"}; NIO's messages alone are often just the path. */
    static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
