package dev.sextant.connectors.gdrive;

import java.io.IOException;

/** A Google API answered an error that retrying did not cure; {@link #error()} has its reasons. */
final class GoogleApiException extends IOException {

    private final GoogleError error;

    GoogleApiException(String what, GoogleError error) {
        super(what + ": " + error);
        this.error = error;
    }

    GoogleError error() {
        return error;
    }

    int status() {
        return error.status();
    }
}
