package dev.sextant.gateway.auth;

import dev.sextant.gateway.SextantConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Turns built-in accounts into security identities: checks passwords (bcrypt, in constant work whether
 * or not the account exists), refuses demo accounts outside demo mode, and attaches the email and groups
 * that principal resolution needs.
 */
@ApplicationScoped
public class AccountIdentities {

    public static final String EMAIL = "sextant.email";
    public static final String GROUPS = "sextant.groups";

    /** Compared against when the account does not exist, so that a miss costs as much as a wrong password. */
    private static final String NO_SUCH_ACCOUNT = BcryptUtil.bcryptHash("no such account");

    private final AccountStore accounts;
    private final boolean demoMode;

    AccountIdentities(AccountStore accounts, SextantConfig config) {
        this.accounts = accounts;
        this.demoMode = config.demo().enabled();
    }

    public SecurityIdentity withPassword(String username, char[] password) {
        Optional<Account> account = usable(username);
        String hash = account.map(a -> a.passwordHash).orElse(NO_SUCH_ACCOUNT);
        if (!BcryptUtil.matches(new String(password), hash) || account.isEmpty()) {
            throw new AuthenticationFailedException("wrong username or password");
        }
        return identity(account.get());
    }

    /** For a session cookie the server itself issued: the account must still exist and be usable. */
    public SecurityIdentity trusted(String username) {
        return identity(usable(username).orElseThrow(() -> new AuthenticationFailedException("account gone")));
    }

    private Optional<Account> usable(String username) {
        return accounts.find(username).filter(a -> demoMode || !a.demo());
    }

    private static SecurityIdentity identity(Account account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username()))
                .addRoles(account.roles())
                .addAttribute(EMAIL, account.email())
                .addAttribute(GROUPS, account.groups())
                .build();
    }
}
