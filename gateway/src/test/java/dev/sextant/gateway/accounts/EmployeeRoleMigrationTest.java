package dev.sextant.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Accounts stored before the role was called {@code employee} keep working: migration V4 renames their role. */
class EmployeeRoleMigrationTest {

    @Test
    void storedUserRolesBecomeEmployeeAndAdminStays() throws SQLException {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:employee-role;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target("3").load().migrate();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into account (username, email, password_hash) values ('dana', 'dana@x.example', 'h')");
            s.executeUpdate("insert into account (username, email, password_hash) values ('root', 'root@x.example', 'h')");
            s.executeUpdate("insert into account_role (account_id, role) select id, 'user' from account");
            s.executeUpdate("insert into account_role (account_id, role) select id, 'admin' from account where username = 'root'");
        }

        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

        assertThat(roles(db)).containsExactly("dana employee", "root admin", "root employee");
        assertThat(new AccountTable(db).find("root")).get().extracting(AccountRecord::admin).isEqualTo(true);
    }

    private static List<String> roles(JdbcDataSource db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select a.username, r.role from account a join account_role r "
                     + "on r.account_id = a.id order by a.username, r.role")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getString(2));
            }
        }
        return rows;
    }
}
