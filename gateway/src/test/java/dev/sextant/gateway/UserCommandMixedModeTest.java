package dev.sextant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.gateway.accounts.AccountDatabase;
import dev.sextant.gateway.accounts.AccountTable;
import dev.sextant.gateway.accounts.UserCommand;
import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command in a second JVM, while this one holds the database open as the server does (H2's
 * AUTO_SERVER: the second process goes through the first), and after it let go (the command opens it).
 */
class UserCommandMixedModeTest {

    @TempDir
    Path data;

    @Test
    void worksWhileAnotherProcessHoldsTheDatabaseAndAfterItLetGo() throws Exception {
        DataSource server = AccountDatabase.open(data);
        try (Connection held = server.getConnection()) {
            UserCommandProcess.Result add = UserCommandProcess.run(data, UserCommandTest.PASSWORD + "\n",
                    "add", "erin", "--email", "erin@example.com", "--group", "legal");

            assertThat(add.code()).as(add.output()).isEqualTo(UserCommand.OK);
            assertThat(new AccountTable(server).find("erin")).hasValueSatisfying(
                    erin -> assertThat(erin.groups()).containsExactly("legal"));
            assertThat(held.isClosed()).isFalse();
        }

        UserCommandProcess.Result list = UserCommandProcess.run(data, "", "list");

        assertThat(list.code()).as(list.output()).isEqualTo(UserCommand.OK);
        assertThat(list.output()).contains("erin").contains("erin@example.com").contains("legal");
    }
}
