package dev.sextant.connectors.spi;

import dev.sextant.acl.Acl;
import java.util.Objects;

/**
 * A document as a listing knows it, without content.
 *
 * @param version the content version (see the package documentation): unchanged when only the ACL changed
 */
public record SlimDocument(String id, String version, Acl acl) {

    public SlimDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(acl, "acl");
    }
}
