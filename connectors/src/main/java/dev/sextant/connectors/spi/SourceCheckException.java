package dev.sextant.connectors.spi;

/** A source's configuration or credentials do not work; the message is for the admin who entered them. */
public class SourceCheckException extends Exception {

    public SourceCheckException(String message) {
        super(message);
    }

    public SourceCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
