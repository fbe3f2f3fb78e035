package dev.sextant.gateway.db;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The same choice of database as the server's, for code that runs without Quarkus (the {@code user} command): the
 * profile {@code pg} in {@code quarkus.profile} / {@code QUARKUS_PROFILE} means PostgreSQL at
 * {@code sextant.postgresql.url} / {@code SEXTANT_POSTGRESQL_URL} (with {@code .username} and {@code .password}),
 * otherwise the data folder's H2 database.
 */
public final class PostgresqlSwitch {

    private PostgresqlSwitch() {
    }

    /** PostgreSQL when this process's system properties or environment select it. */
    public static Optional<DataSource> fromEnvironment() {
        return of(key -> Optional.ofNullable(System.getProperty(key))
                .or(() -> Optional.ofNullable(System.getenv(key.toUpperCase(java.util.Locale.ROOT)
                        .replace('.', '_').replace('-', '_')))));
    }

    /**
     * @param setting a setting by its property name ({@code sextant.postgresql.url})
     * @throws IllegalStateException when the profile pg is on but no URL is set
     */
    public static Optional<DataSource> of(Function<String, Optional<String>> setting) {
        boolean pg = setting.apply("quarkus.profile").stream()
                .flatMap(p -> Arrays.stream(p.split(","))).anyMatch(p -> p.strip().equals(ActiveDatabase.POSTGRESQL));
        if (!pg) {
            return Optional.empty();
        }
        String url = setting.apply("sextant.postgresql.url").filter(u -> !u.isBlank()).orElseThrow(() ->
                new IllegalStateException("the profile pg is on but sextant.postgresql.url (SEXTANT_POSTGRESQL_URL) "
                        + "is not set: give jdbc:postgresql://host:5432/database"));
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        setting.apply("sextant.postgresql.username").ifPresent(dataSource::setUser);
        setting.apply("sextant.postgresql.password").ifPresent(dataSource::setPassword);
        return Optional.of(dataSource);
    }
}
