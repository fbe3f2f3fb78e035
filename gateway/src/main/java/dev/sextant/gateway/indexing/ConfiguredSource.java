package dev.sextant.gateway.indexing;

import dev.sextant.connectors.Connector;
import java.nio.file.Path;

/**
 * One source the configuration names, with the short id the admin API addresses it by.
 *
 * @param id        {@code demo}, or {@code fs-<folder name>-<hash of the root>}: URL-safe and stable while the
 *                  root stays the same
 * @param kind      {@code demo} (the demo corpus) or {@code filesystem} (an {@code --fs} folder)
 * @param root      the folder, absolute and normalised
 * @param connector what syncs it; its {@link Connector#id()} is how the index names its documents
 */
public record ConfiguredSource(String id, String kind, Path root, Connector connector) {
}
