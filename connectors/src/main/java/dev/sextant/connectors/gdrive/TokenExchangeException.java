package dev.sextant.connectors.gdrive;

import java.io.IOException;

/**
 * The token endpoint refused a grant. {@link #error()} is OAuth's error code ({@code invalid_grant},
 * {@code unauthorized_client}, ...), {@code description} Google's explanation.
 */
final class TokenExchangeException extends IOException {

    private final String error;

    TokenExchangeException(String tokenUri, int status, String error, String description) {
        super("token endpoint " + tokenUri + " answered HTTP " + status + " " + error
                + (description.isEmpty() ? "" : ": " + description));
        this.error = error;
    }

    String error() {
        return error;
    }
}
