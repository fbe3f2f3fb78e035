package dev.sextant.bench;

/** A dataset folder that cannot be evaluated as given; the message names the file and, where known, the line. */
public class DatasetException extends IllegalArgumentException {
    public DatasetException(String message) {
        super(message);
    }
}
