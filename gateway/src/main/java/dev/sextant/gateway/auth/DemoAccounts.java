package dev.sextant.gateway.auth;

import dev.sextant.gateway.SextantConfig;
import dev.sextant.gateway.accounts.AccountRecord;
import dev.sextant.gateway.accounts.AccountTable;
import dev.sextant.gateway.accounts.DemoModeCheck;
import dev.sextant.gateway.accounts.UserCommand;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * At start, before anything is indexed: refuses demo mode beside real sources or off loopback
 * ({@link DemoModeCheck}); in demo mode writes the demo accounts (password {@code demo}) except over a real
 * account, and says so loudly; outside it deletes them, and says how to create the first admin if none exists.
 * In the {@code oidc} sign-in mode the provider signs people in: demo mode then only indexes the demo corpus.
 */
@ApplicationScoped
public class DemoAccounts {

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class);
    public static final String PASSWORD = "demo";

    static final List<AccountRecord> ACCOUNTS = List.of(
            demo("alice", "Alice Chen", Set.of("engineering"), false),
            demo("bob", "Bob Okafor", Set.of("finance"), false),
            demo("carol", "Carol Martins", Set.of("hr"), false),
            demo("admin", "Sextant Admin", Set.of(), true));

    private static AccountRecord demo(String username, String displayName, Set<String> groups, boolean admin) {
        return new AccountRecord(username, username + "@northwind.example", displayName, groups, admin, true);
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, SextantConfig config,
                 SignInConfig signIn, DataSource dataSource,
                 @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String httpHost)
            throws SQLException {
        boolean demo = config.demo().enabled();
        DemoModeCheck.require(demo, config.fs().roots().orElse(List.of()), httpHost);
        AccountTable accounts = new AccountTable(dataSource);
        if (demo) {
            if (signIn.builtin()) {
                writeDemoAccounts(accounts);
            }
            return;
        }
        int removed = accounts.deleteDemo();
        if (removed > 0) {
            LOG.infof("demo mode is off: removed %d demo accounts", removed);
        }
        if (signIn.builtin() && accounts.count() == 0) {
            String launcher = System.getenv().getOrDefault("SEXTANT_LAUNCHER", "./sextant");
            LOG.warnf("no accounts yet, so nobody can sign in. Create the first admin (with your own email; "
                    + "the server may keep running):%n    %s", UserCommand.firstAdminCommand(launcher, config.dataDir()));
        }
    }

    private static void writeDemoAccounts(AccountTable accounts) throws SQLException {
        String hash = BcryptUtil.bcryptHash(PASSWORD);
        List<String> enabled = new ArrayList<>();
        for (AccountRecord account : ACCOUNTS) {
            if (accounts.writeDemo(account, hash) == AccountTable.DemoWrite.SKIPPED_REAL_ACCOUNT) {
                LOG.warnf("demo mode: %s is a real account here, so the demo account of that name is not "
                        + "enabled and the real one is left as it is", account.username());
            } else {
                enabled.add(account.username());
            }
        }
        if (enabled.isEmpty()) {
            return;
        }
        LOG.warnf("""

                ************************************************************************
                *  DEMO MODE: demo accounts %s are enabled,
                *  all with the password '%s'. Do not expose this instance.
                ************************************************************************""",
                String.join(", ", enabled), PASSWORD);
    }
}
