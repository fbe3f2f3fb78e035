package dev.sextant.gateway.indexing;

import dev.sextant.connectors.Connector;
import java.nio.file.Path;

/**
 * One source the scheduler runs, with the short id the admin API addresses it by.
 *
 * @param id        {@code demo}, {@code fs-<folder name>-<hash of the root>} for an {@code --fs} folder (URL-safe
 *                  and stable while the root stays the same), or the id an admin gave a stored source
 * @param kind      {@code demo} (the demo corpus), {@code filesystem}, or a stored source's connector kind
 * @param root      the folder of a configured source, absolute and normalised; null for a stored source
 * @param connector what syncs it; its {@link Connector#id()} is how the index names its documents
 */
public record ConfiguredSource(String id, String kind, Path root, Connector connector) {
}
