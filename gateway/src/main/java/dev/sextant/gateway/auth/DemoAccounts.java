package dev.sextant.gateway.auth;

import dev.sextant.gateway.SextantConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/** In demo mode, makes sure the demo accounts exist with password {@code demo}, and says so loudly. */
@ApplicationScoped
public class DemoAccounts {

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class);
    public static final String PASSWORD = "demo";

    record DemoAccount(String username, String displayName, Set<String> roles, Set<String> groups) {
        String email() {
            return username + "@northwind.example";
        }
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("alice", "Alice Chen", Set.of("user"), Set.of("engineering")),
            new DemoAccount("bob", "Bob Okafor", Set.of("user"), Set.of("finance")),
            new DemoAccount("carol", "Carol Martins", Set.of("user"), Set.of("hr")),
            new DemoAccount("admin", "Sextant Admin", Set.of("user", "admin"), Set.of()));

    void onStart(@Observes StartupEvent event, SextantConfig config, AccountStore accounts) {
        if (!config.demo().enabled()) {
            return;
        }
        for (DemoAccount a : ACCOUNTS) {
            accounts.upsert(a.username(), a.email(), a.displayName(), PASSWORD, true, a.roles(), a.groups());
        }
        LOG.warn("""

                ************************************************************************
                *  DEMO MODE: demo accounts alice, bob, carol and admin are enabled,   *
                *  all with the password 'demo'. Do not expose this instance.          *
                ************************************************************************""");
    }
}
