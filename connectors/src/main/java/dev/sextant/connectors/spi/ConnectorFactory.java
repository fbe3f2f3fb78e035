package dev.sextant.connectors.spi;

import java.util.List;

/**
 * Makes connectors of one kind from their stored definition. Found with {@link java.util.ServiceLoader}: a
 * connector registers its factory in {@code META-INF/services/dev.sextant.connectors.spi.ConnectorFactory}.
 */
public interface ConnectorFactory {

    /** {@code github}, {@code gdrive}, {@code confluence}, {@code mediawiki}, {@code filesystem}. */
    String kind();

    /** The settings and secrets this kind reads, for the admin API and its documentation. */
    List<SettingSpec> settings();

    /**
     * @throws InvalidSourceException when a setting is missing or malformed, naming it and saying what is expected
     */
    SourceConnector create(SourceDefinition definition, ConnectorContext context) throws InvalidSourceException;
}
