package dev.sextant.connectors.spi;

/** A source definition that cannot work as written; the message names the setting. */
public class InvalidSourceException extends Exception {

    public InvalidSourceException(String message) {
        super(message);
    }
}
