package dev.sextant.opensearch;

import java.io.IOException;

/** A request the cluster answered with an error status; the message names the request and OpenSearch's reason. */
public final class OpenSearchException extends IOException {

    private final int status;

    OpenSearchException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
