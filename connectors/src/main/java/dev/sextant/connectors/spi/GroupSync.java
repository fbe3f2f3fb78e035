package dev.sextant.connectors.spi;

import java.io.IOException;

/** Reads the source's groups and their direct members, which principal resolution expands at query time. */
public interface GroupSync {

    /**
     * Hands over every group with its direct members ({@code user:}, {@code account:} or {@code group:}
     * principals). The framework replaces this source's stored groups with exactly these, once the listing completes.
     */
    void syncGroups(GroupSink sink) throws IOException, InterruptedException;
}
