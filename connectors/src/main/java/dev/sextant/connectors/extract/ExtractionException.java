package dev.sextant.connectors.extract;

/** A file whose text cannot be extracted; the message is a reason a person can act on ("binary content"). */
public class ExtractionException extends Exception {

    public ExtractionException(String reason) {
        super(reason);
    }

    public ExtractionException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
