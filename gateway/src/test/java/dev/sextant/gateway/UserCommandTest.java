package dev.sextant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.gateway.accounts.AccountDatabase;
import dev.sextant.gateway.accounts.PasswordPrompt;
import dev.sextant.gateway.accounts.UserCommand;
import io.quarkus.elytron.security.common.BcryptUtil;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./sextant user ...} against a temporary data folder, with the password on standard input. */
class UserCommandTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path data;

    record Result(int code, String out, String err) {
    }

    @Test
    void addCreatesAnAccountWhoseHashTheServersCheckAccepts() throws Exception {
        Result add = user(PASSWORD + "\n", "add", "dana", "--email", "Dana@Example.COM", "--group", "finance",
                "--group", "staff", "--admin");

        assertThat(add.code()).as(add.err()).isEqualTo(UserCommand.OK);
        assertThat(add.out()).contains("created account dana <dana@example.com>, groups finance,staff, admin");
        assertThat(BcryptUtil.matches(PASSWORD, passwordHash("dana"))).isTrue();
        assertThat(BcryptUtil.matches("correct horse batterY", passwordHash("dana"))).isFalse();
        assertThat(Files.list(data.resolve("db"))).isNotEmpty();
    }

    @Test
    void listShowsNameEmailGroupsAdminAndDemo() {
        user(PASSWORD + "\n", "add", "dana", "--email", "dana@example.com", "--group", "staff", "--group", "finance");
        user(PASSWORD + "\n", "add", "root", "--email", "root@example.com", "--admin");

        Result list = user("", "list");

        assertThat(list.code()).isEqualTo(UserCommand.OK);
        assertThat(list.out().lines().map(l -> String.join("|", l.split("\\s+"))))
                .containsExactly("NAME|EMAIL|GROUPS|ADMIN|DEMO", "dana|dana@example.com|finance,staff|no|no",
                        "root|root@example.com|-|yes|no");
    }

    @Test
    void anEmptyListSaysHowToCreateTheFirstAdmin() {
        Result list = user("", "list", "--data", data.toString());

        assertThat(list.code()).isEqualTo(UserCommand.OK);
        assertThat(list.err()).contains("user add admin --email admin@example.com --admin --data "
                + data.toAbsolutePath());
    }

    @Test
    void aSecondAddOfTheSameNameIsRefusedAndKeepsTheFirstPassword() throws Exception {
        user(PASSWORD + "\n", "add", "dana", "--email", "dana@example.com");

        Result again = user("another long password\n", "add", "dana", "--email", "other@example.com");

        assertThat(again.code()).isEqualTo(UserCommand.REFUSED);
        assertThat(again.err()).contains("account dana already exists");
        assertThat(BcryptUtil.matches(PASSWORD, passwordHash("dana"))).isTrue();
    }

    @Test
    void invalidInputIsRefusedBeforeAnythingIsWritten() {
        assertRefused(user(PASSWORD + "\n", "add", "dana", "--email", "dana"), "invalid email 'dana'");
        assertRefused(user(PASSWORD + "\n", "add", "dana", "--email", "dana@localhost"), "invalid email");
        assertRefused(user(PASSWORD + "\n", "add", "Dana Smith", "--email", "dana@example.com"), "invalid account name");
        assertRefused(user(PASSWORD + "\n", "add", "dana", "--email", "dana@example.com", "--group", "a,b"),
                "invalid group 'a,b'");
        assertRefused(user("short\n", "add", "dana", "--email", "dana@example.com"), "at least 12 characters");
        assertRefused(user("", "add", "dana", "--email", "dana@example.com"), "no password on standard input");
        assertRefused(user(PASSWORD + "\n", "add", "dana"), "needs --email");
        assertRefused(user(PASSWORD + "\n", "add", "dana", "--email", "dana@example.com", "--password", "x"),
                "never taken from the command line");
        assertRefused(user("", "rename", "dana"), "unknown command 'rename'");

        assertThat(user("", "list").out().lines()).as("nothing was created").hasSize(1);
    }

    @Test
    void passwdReplacesThePassword() throws Exception {
        user(PASSWORD + "\n", "add", "dana", "--email", "dana@example.com");

        Result passwd = user("a brand new password\n", "passwd", "dana");

        assertThat(passwd.code()).as(passwd.err()).isEqualTo(UserCommand.OK);
        assertThat(BcryptUtil.matches("a brand new password", passwordHash("dana"))).isTrue();
        assertThat(BcryptUtil.matches(PASSWORD, passwordHash("dana"))).isFalse();
        assertThat(user("a brand new password\n", "passwd", "erin").code()).isEqualTo(UserCommand.REFUSED);
        assertThat(user("short\n", "passwd", "dana").code()).isEqualTo(UserCommand.USAGE);
        assertThat(BcryptUtil.matches("a brand new password", passwordHash("dana"))).isTrue();
    }

    @Test
    void removeDeletesTheAccountWithItsRolesAndGroups() throws Exception {
        user(PASSWORD + "\n", "add", "dana", "--email", "dana@example.com", "--group", "finance", "--admin");
        user(PASSWORD + "\n", "add", "erin", "--email", "erin@example.com");

        Result remove = user("", "remove", "dana");

        assertThat(remove.code()).isEqualTo(UserCommand.OK);
        assertThat(user("", "list").out()).doesNotContain("dana").contains("erin");
        assertThat(count("select count(*) from account_group")).isZero();
        assertThat(count("select count(*) from account_role")).isEqualTo(1);
        assertThat(user("", "remove", "dana").code()).isEqualTo(UserCommand.REFUSED);
    }

    @Test
    void aDemoAccountsPasswordIsNotChangedByTheCommand() throws Exception {
        try (Connection c = AccountDatabase.open(data).getConnection()) {
            c.createStatement().executeUpdate("insert into account (username, email, password_hash, demo) "
                    + "values ('bob', 'bob@northwind.example', 'h', true)");
        }

        Result passwd = user(PASSWORD + "\n", "passwd", "bob");
        Result add = user(PASSWORD + "\n", "add", "bob", "--email", "bob@example.com");

        assertThat(passwd.code()).isEqualTo(UserCommand.REFUSED);
        assertThat(passwd.err()).contains("bob is a demo account");
        assertThat(add.code()).isEqualTo(UserCommand.REFUSED);
        assertThat(add.err()).contains("remove it first");
        assertThat(passwordHash("bob")).isEqualTo("h");
    }

    private static void assertRefused(Result result, String message) {
        assertThat(result.code()).as(result.err()).isEqualTo(UserCommand.USAGE);
        assertThat(result.err()).contains(message);
    }

    private Result user(String stdin, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var prompt = PasswordPrompt.fromStream(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int code = new UserCommand(prompt, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), data).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String passwordHash(String username) throws SQLException, IOException {
        try (Connection c = AccountDatabase.open(data).getConnection();
             var s = c.prepareStatement("select password_hash from account where username = ?")) {
            s.setString(1, username);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("account " + username + " exists").isTrue();
                return r.getString(1);
            }
        }
    }

    private int count(String sql) throws SQLException, IOException {
        try (Connection c = AccountDatabase.open(data).getConnection();
             ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
