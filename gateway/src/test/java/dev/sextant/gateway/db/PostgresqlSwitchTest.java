package dev.sextant.gateway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sextant.gateway.accounts.AccountRecord;
import dev.sextant.gateway.accounts.AccountTable;
import dev.sextant.gateway.audit.AuditAction;
import dev.sextant.gateway.audit.AuditEvent;
import dev.sextant.gateway.audit.AuditQuery;
import dev.sextant.gateway.audit.AuditStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The database choice outside Quarkus (the {@code user} command), and the migrations and plain-JDBC tables on a
 * real PostgreSQL when {@code SEXTANT_PG_URL} names one (.ci/postgres.sh); skipped without it.
 */
class PostgresqlSwitchTest {

    @Test
    void withoutTheProfilePgItIsTheDataFoldersH2() {
        assertThat(PostgresqlSwitch.of(settings(Map.of("sextant.postgresql.url", "jdbc:postgresql://db/x"))))
                .isEmpty();
        assertThat(PostgresqlSwitch.of(settings(Map.of("quarkus.profile", "prod,pgx")))).isEmpty();
    }

    @Test
    void theProfilePgWithoutAUrlSaysWhatIsMissing() {
        assertThatThrownBy(() -> PostgresqlSwitch.of(settings(Map.of("quarkus.profile", "prod, pg"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SEXTANT_POSTGRESQL_URL");
    }

    @Test
    void onPostgresqlTheMigrationsRunAndAccountsAndTheAuditLogRoundTrip() throws Exception {
        String url = System.getenv("SEXTANT_PG_URL");
        assumeTrue(url != null, "PostgreSQL run skipped: SEXTANT_PG_URL is not set (.ci/postgres.sh sets it)");
        DataSource db = PostgresqlSwitch.of(settings(Map.of("quarkus.profile", "prod,pg",
                "sextant.postgresql.url", url, "sextant.postgresql.username", System.getenv("SEXTANT_PG_USER"),
                "sextant.postgresql.password", System.getenv("SEXTANT_PG_PASSWORD")))).orElseThrow();
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

        AccountTable accounts = new AccountTable(db);
        String name = "pg-" + System.nanoTime();
        assertThat(accounts.add(new AccountRecord(name, name + "@example.com", null, Set.of("ops"), true, false),
                "$2a$10$notarealhash")).isTrue();
        assertThat(accounts.find(name)).get().satisfies(a -> {
            assertThat(a.groups()).containsExactly("ops");
            assertThat(a.admin()).isTrue();
        });
        assertThat(accounts.remove(name)).isTrue();

        AuditStore audit = new AuditStore(db);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        audit.insert(List.of(
                new AuditEvent(now.minus(Duration.ofDays(200)), name, null, AuditAction.SEARCH, "old", null, List.of()),
                new AuditEvent(now, name, name + "@example.com", AuditAction.CHAT, "and Q2?", "Q3 runway and Q2?",
                        List.of("fs:/b", "fs:/a"))));
        AuditQuery mine = new AuditQuery(Optional.empty(), Optional.empty(), Optional.of(name));
        assertThat(audit.newest(mine, 1)).containsExactly(new AuditEvent(now, name, name + "@example.com",
                AuditAction.CHAT, "and Q2?", "Q3 runway and Q2?", List.of("fs:/b", "fs:/a")));
        List<AuditEvent> exported = new ArrayList<>();
        audit.export(mine, exported::add);
        assertThat(exported).extracting(AuditEvent::query).containsExactly("old", "and Q2?");
        assertThat(audit.deleteBefore(now.minus(Duration.ofDays(100)))).isPositive();
        assertThat(audit.newest(mine, 10)).extracting(AuditEvent::query).containsExactly("and Q2?");
    }

    private static java.util.function.Function<String, Optional<String>> settings(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }
}
