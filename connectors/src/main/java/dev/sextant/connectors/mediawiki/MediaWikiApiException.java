package dev.sextant.connectors.mediawiki;

import java.io.IOException;

/** The action API answered with an error object ({@code {"error":{"code":...,"info":...}}}). */
public class MediaWikiApiException extends IOException {

    private final String code;

    public MediaWikiApiException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The API's error code: {@code readapidenied}, {@code assertuserfailed}, {@code badtoken}, ... */
    public String code() {
        return code;
    }
}
