package dev.sextant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.gateway.accounts.AccountDatabase;
import dev.sextant.gateway.accounts.AccountRecord;
import dev.sextant.gateway.accounts.AccountTable;
import dev.sextant.gateway.accounts.AccountTable.DemoWrite;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What demo mode writes and deletes, against a real (temporary) database of the server's schema. */
class AccountTableTest {

    @TempDir
    Path data;

    DataSource dataSource;
    AccountTable accounts;

    @BeforeEach
    void open() throws IOException {
        dataSource = AccountDatabase.open(data);
        accounts = new AccountTable(dataSource);
    }

    @Test
    void demoRowsAreNeverWrittenOverARealAccount() throws SQLException {
        AccountRecord realAdmin = new AccountRecord("admin", "ops@example.com", null, Set.of("ops"), true, false);
        assertThat(accounts.add(realAdmin, "real-hash")).isTrue();

        DemoWrite write = accounts.writeDemo(
                new AccountRecord("admin", "admin@northwind.example", "Sextant Admin", Set.of(), true, true), "demo-hash");

        assertThat(write).isEqualTo(DemoWrite.SKIPPED_REAL_ACCOUNT);
        assertThat(accounts.find("admin")).contains(realAdmin);
        assertThat(passwordHash("admin")).isEqualTo("real-hash");
    }

    @Test
    void aDemoRowIsCreatedThenResetToTheDemosValues() throws SQLException {
        AccountRecord bob = new AccountRecord("bob", "bob@northwind.example", "Bob", Set.of("finance"), false, true);
        assertThat(accounts.writeDemo(bob, "h1")).isEqualTo(DemoWrite.WRITTEN);
        assertThat(accounts.writeDemo(new AccountRecord("bob", "x@y.example", "B", Set.of("hr", "x"), true, true), "h2"))
                .isEqualTo(DemoWrite.WRITTEN);
        assertThat(accounts.writeDemo(bob, "h3")).isEqualTo(DemoWrite.WRITTEN);

        assertThat(accounts.list()).containsExactly(bob);
        assertThat(passwordHash("bob")).isEqualTo("h3");
    }

    @Test
    void deletingDemoRowsKeepsRealAccountsAndCountsWhatWent() throws SQLException {
        accounts.writeDemo(new AccountRecord("alice", "alice@northwind.example", null, Set.of("engineering"), false, true), "h");
        accounts.writeDemo(new AccountRecord("carol", "carol@northwind.example", null, Set.of("hr"), false, true), "h");
        AccountRecord dana = new AccountRecord("dana", "dana@example.com", null, Set.of("finance"), false, false);
        accounts.add(dana, "h");

        assertThat(accounts.deleteDemo()).isEqualTo(2);

        assertThat(accounts.list()).containsExactly(dana);
        assertThat(accounts.deleteDemo()).isZero();
        assertThat(rows("select count(*) from account_group")).as("the demo rows' groups went with them").isEqualTo(1);
    }

    private String passwordHash(String username) throws SQLException {
        try (Connection c = dataSource.getConnection();
             var s = c.prepareStatement("select password_hash from account where username = ?")) {
            s.setString(1, username);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }

    private int rows(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
