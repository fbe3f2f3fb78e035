/**
 * What a connector implements: {@link dev.sextant.connectors.spi.SourceConnector} plus one small interface per
 * verb its source supports ({@link dev.sextant.connectors.spi.FullLoad}, {@link dev.sextant.connectors.spi.IncrementalPoll},
 * {@link dev.sextant.connectors.spi.SlimListing}, {@link dev.sextant.connectors.spi.DocumentFetch},
 * {@link dev.sextant.connectors.spi.GroupSync}, {@link dev.sextant.connectors.spi.IdentityDiscovery},
 * {@link dev.sextant.connectors.spi.ConnectionCheck}). The framework ({@link dev.sextant.connectors.sync.SourceSync})
 * does the rest: comparing versions, deleting what is gone, applying ACL-only changes without re-embedding,
 * checkpoints, and storing groups and identities.
 *
 * <p>Versions: {@link dev.sextant.connectors.SourceDocument#version()} from a {@code SourceConnector} is the
 * <em>content</em> version (it changes when title, body or url change: an ETag, a blob sha, a revision id); the
 * framework adds the ACL's digest itself before it reaches the index.
 */
package dev.sextant.connectors.spi;
