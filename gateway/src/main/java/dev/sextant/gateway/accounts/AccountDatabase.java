package dev.sextant.gateway.accounts;

import dev.sextant.gateway.DataFolder;
import dev.sextant.gateway.db.PostgresqlSwitch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The server's database for a data folder, opened from outside the server: the JDBC URL and credentials are
 * the server's own ({@code application.properties}), whose {@code AUTO_SERVER=TRUE} lets this process reach
 * the database through the running server, or open it itself when none runs. The schema is brought up to
 * date with the server's migrations, so the first admin can be created before the first start. With the profile
 * {@code pg} it is the server's PostgreSQL database instead ({@link PostgresqlSwitch}).
 */
public final class AccountDatabase {

    private static final String URL_KEY = "quarkus.datasource.jdbc.url";
    private static final String DATA_DIR_PLACEHOLDER = "${sextant.data-dir}";

    private AccountDatabase() {
    }

    /** Prepares the data folder (owner-only), connects, and applies any pending migration. */
    public static DataSource open(Path dataDir) throws IOException {
        Path folder = DataFolder.prepare(dataDir);
        DataSource dataSource = PostgresqlSwitch.fromEnvironment().orElseGet(() -> h2(folder));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    private static DataSource h2(Path folder) {
        Properties server = serverProperties();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(jdbcUrl(server, folder));
        dataSource.setUser(server.getProperty("quarkus.datasource.username"));
        dataSource.setPassword(server.getProperty("quarkus.datasource.password"));
        return dataSource;
    }

    static String jdbcUrl(Properties server, Path dataDir) {
        String url = server.getProperty(URL_KEY);
        if (url == null || !url.contains(DATA_DIR_PLACEHOLDER)) {
            throw new IllegalStateException(URL_KEY + " in application.properties must name the database under "
                    + DATA_DIR_PLACEHOLDER + ", found: " + url);
        }
        return url.replace(DATA_DIR_PLACEHOLDER, dataDir.toString());
    }

    static Properties serverProperties() {
        Properties properties = new Properties();
        try (InputStream in = AccountDatabase.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties is not on the classpath: run this from "
                        + "the gateway's build (./sextant user ...)");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.properties", e);
        }
        return properties;
    }
}
