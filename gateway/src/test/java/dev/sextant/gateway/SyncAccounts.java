package dev.sextant.gateway;

import dev.sextant.gateway.auth.AccountStore;
import java.util.Set;

/** Real (non-demo) accounts for servers running without demo mode. */
final class SyncAccounts {

    static final String PASSWORD = "correct horse battery staple";
    /** An admin in no group. */
    static final String ADMIN = "ops";
    /** A reader in group {@code staff}, which the test folders' sidecars admit. */
    static final String READER = "dana";

    private SyncAccounts() {
    }

    static void create(AccountStore accounts) {
        accounts.upsert(ADMIN, "ops@example.com", "Ops", PASSWORD, false, Set.of("user", "admin"), Set.of());
        accounts.upsert(READER, "dana@example.com", "Dana", PASSWORD, false, Set.of("user"), Set.of("staff"));
    }
}
