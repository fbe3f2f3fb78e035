package dev.sextant.retriever;

/** A query that cannot be run as typed; the message tells the person what to change. */
public class InvalidQueryException extends IllegalArgumentException {
    public InvalidQueryException(String message) {
        super(message);
    }
}
