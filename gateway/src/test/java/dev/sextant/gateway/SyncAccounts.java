package dev.sextant.gateway;

import java.util.Set;
import javax.sql.DataSource;

/** Real (non-demo) accounts for servers running without demo mode. */
final class SyncAccounts {

    static final String PASSWORD = "correct horse battery staple";
    /** An admin in no group. */
    static final String ADMIN = "ops";
    /** A reader in group {@code staff}, which the test folders' sidecars admit. */
    static final String READER = "dana";

    private SyncAccounts() {
    }

    static void create(DataSource database) {
        TestAccounts.ensure(database, ADMIN, "ops@example.com", Set.of(), true, PASSWORD);
        TestAccounts.ensure(database, READER, "dana@example.com", Set.of("staff"), false, PASSWORD);
    }
}
