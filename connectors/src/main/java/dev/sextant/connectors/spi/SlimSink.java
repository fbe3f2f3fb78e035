package dev.sextant.connectors.spi;

import java.io.IOException;

/** Receives a {@link SlimListing}. */
public interface SlimSink {

    void document(SlimDocument document) throws IOException;

    /** Says that the listing could not cover this part of the source (a repository that failed): nothing under
     *  {@code idPrefix} is deleted on the strength of this listing. */
    void incomplete(String idPrefix, String reason);
}
