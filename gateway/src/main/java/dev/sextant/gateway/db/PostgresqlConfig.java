package dev.sextant.gateway.db;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Where the PostgreSQL database is ({@code sextant.postgresql.*}), read by the {@code pg} datasource in
 * {@code application.properties} when the profile {@code pg} makes it the active one.
 */
@ConfigMapping(prefix = "sextant.postgresql")
public interface PostgresqlConfig {

    /** {@code jdbc:postgresql://host:5432/database}. */
    Optional<String> url();

    Optional<String> username();

    Optional<String> password();
}
