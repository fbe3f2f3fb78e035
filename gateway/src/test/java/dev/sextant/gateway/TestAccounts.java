package dev.sextant.gateway;

import dev.sextant.gateway.accounts.AccountRecord;
import dev.sextant.gateway.accounts.AccountTable;
import io.quarkus.elytron.security.common.BcryptUtil;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;

/** Creates real (non-demo) accounts for a test, as {@code ./sextant user add} would; existing ones are kept. */
final class TestAccounts {

    private TestAccounts() {
    }

    static void ensure(DataSource database, String username, String email, Set<String> groups, boolean admin,
                       String password) {
        try {
            AccountTable table = new AccountTable(database);
            if (table.find(username).isEmpty()) {
                table.add(new AccountRecord(username, email, username, groups, admin, false),
                        BcryptUtil.bcryptHash(password));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test account " + username, e);
        }
    }
}
