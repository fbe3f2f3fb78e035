package dev.sextant.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A database that fails costs the audit log its events, logged, and never the caller anything. */
class AuditLogTest {

    @Test
    void aFailingDatabaseNeitherThrowsNorBlocksTheCaller() throws InterruptedException {
        DataSource broken = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw new SQLException("the database is down");
                });
        AuditLog log = new AuditLog(broken, () -> Duration.ofDays(90));
        log.start(null);
        try {
            var bob = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("bob")).build();
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                log.record(bob, AuditAction.SEARCH, "q" + i, null, List.of("fs:/a"));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(log.awaitWritten(Duration.ofSeconds(10))).as("every write was tried").isTrue();
            assertThat(log.prune()).isEqualTo(-1);
        } finally {
            log.stop(null);
        }
    }
}
