package dev.sextant.connectors.spi;

/**
 * One configured source (an organisation on GitHub, a Google Workspace domain, a wiki). It implements the verb
 * interfaces of this package that its source supports; it needs at least {@link FullLoad}.
 */
public interface SourceConnector {

    /**
     * Stable id of this source instance, e.g. {@code github-acme}: the index groups documents by it, and every
     * document id this connector hands over starts with it and {@code :}.
     */
    String id();

    /** The kind, as its {@link ConnectorFactory} names it: {@code github}, {@code gdrive}, ... */
    String kind();
}
