package dev.sextant.connectors.http;

import java.io.IOException;

/** A source answered with an error status that retrying did not cure, or that no retry can cure (4xx). */
public class SourceHttpException extends IOException {

    private final int status;
    private final String body;

    public SourceHttpException(SourceResponse response) {
        super("HTTP " + response.status() + " from " + response.uri().getHost() + response.uri().getPath()
                + (response.excerpt().isEmpty() ? "" : ": " + response.excerpt()));
        this.status = response.status();
        this.body = response.text();
    }

    public int status() {
        return status;
    }

    /** The whole error body, for a connector that reads the source's error codes from it. */
    public String body() {
        return body;
    }
}
