package dev.sextant.connectors.spi;

import dev.sextant.connectors.http.RateLimitRule;
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
     * How this kind's source says "slow down", for the {@link dev.sextant.connectors.http.SourceHttp} the platform
     * builds for it: the standard headers unless the source has signals of its own.
     */
    default RateLimitRule rateLimits() {
        return RateLimitRule.standard();
    }

    /**
     * @throws InvalidSourceException when a setting is missing or malformed, naming it and saying what is expected
     */
    SourceConnector create(SourceDefinition definition, ConnectorContext context) throws InvalidSourceException;
}
