package dev.sextant.connectors.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A response from a source, body read in full.
 *
 * @param revalidated true when the source answered 304 Not Modified and {@link #body()} is the copy cached with
 *                    its ETag (such a request costs GitHub no rate limit)
 */
public record SourceResponse(URI uri, int status, HttpHeaders headers, byte[] body, boolean revalidated) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first 300 characters of the body, for error messages. */
    public String excerpt() {
        String text = text().strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** This response when it is a 2xx; otherwise a {@link SourceHttpException} saying what the source answered. */
    public SourceResponse requireOk() throws SourceHttpException {
        if (!ok()) {
            throw new SourceHttpException(this);
        }
        return this;
    }
}
