package dev.sextant.gateway.auth;

import dev.sextant.gateway.SextantConfig;
import dev.sextant.gateway.security.CredentialCache;
import dev.sextant.gateway.security.LoginThrottle;
import dev.sextant.gateway.security.LoginThrottledException;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns built-in accounts into security identities: checks passwords (bcrypt, in constant work whether or not
 * the account exists) behind the {@link LoginThrottle}, skips bcrypt for a password the {@link CredentialCache}
 * saw verified a moment ago, refuses demo accounts outside demo mode, and attaches the email and groups that
 * principal resolution needs. The account is read again on every call, so that a password changed or an
 * account removed by another process (the {@code user} command) takes effect at once. In the {@code oidc}
 * sign-in mode built-in accounts sign in neither with a password nor with a session.
 */
@ApplicationScoped
public class AccountIdentities {

    public static final String EMAIL = "sextant.email";
    public static final String GROUPS = "sextant.groups";
    /** A fingerprint of the password hash the identity signed in against; a session keeps it. */
    public static final String CREDENTIAL_TAG = "sextant.credential-tag";

    static final Duration VERIFIED_FOR = Duration.ofSeconds(60);

    /** Compared against when the account does not exist, so that a miss costs as much as a wrong password. */
    private static final String NO_SUCH_ACCOUNT = BcryptUtil.bcryptHash("no such account");
    /** Longer names cannot exist (the column is 100 wide); the throttle counts them under their first 100 chars. */
    private static final int MAX_USERNAME = 100;

    private final Function<String, Optional<Account>> accounts;
    private final boolean demoMode;
    private final LoginThrottle throttle;
    private final CredentialCache verified;
    private final boolean builtinSignIn;

    @Inject
    AccountIdentities(AccountStore accounts, SextantConfig config, SignInConfig signIn) {
        this(accounts::find, config.demo().enabled(),
                new LoginThrottle(LoginThrottle.Policy.DEFAULT, InstantSource.system()),
                new CredentialCache(VERIFIED_FOR, 10_000, InstantSource.system()), signIn.builtin());
    }

    AccountIdentities(Function<String, Optional<Account>> accounts, boolean demoMode, LoginThrottle throttle,
                      CredentialCache verified) {
        this(accounts, demoMode, throttle, verified, true);
    }

    AccountIdentities(Function<String, Optional<Account>> accounts, boolean demoMode, LoginThrottle throttle,
                      CredentialCache verified, boolean builtinSignIn) {
        this.builtinSignIn = builtinSignIn;
        this.accounts = accounts;
        this.demoMode = demoMode;
        this.throttle = throttle;
        this.verified = verified;
    }

    /**
     * The sign-in form and HTTP Basic.
     *
     * @throws LoginThrottledException when earlier failures for this account or address ask to wait
     * @throws AuthenticationFailedException on a wrong username or password
     */
    public SecurityIdentity withPassword(String username, char[] password, String clientAddress) {
        requireBuiltinSignIn();
        Optional<Account> account = usable(username);
        if (account.isPresent() && verified.contains(username, password, account.get().passwordHash)) {
            return identity(account.get());
        }
        String throttleKey = username.length() <= MAX_USERNAME ? username : username.substring(0, MAX_USERNAME);
        Duration wait = throttle.begin(throttleKey, clientAddress);
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
        String hash = account.map(a -> a.passwordHash).orElse(NO_SUCH_ACCOUNT);
        if (!BcryptUtil.matches(new String(password), hash) || account.isEmpty()) {
            throw new AuthenticationFailedException("wrong username or password");
        }
        throttle.succeeded(throttleKey, clientAddress);
        verified.remember(username, password, hash);
        return identity(account.get());
    }

    /** For a session the server issued: the account must still be usable and have the same password. */
    public SecurityIdentity forSession(String username, String credentialTag) {
        requireBuiltinSignIn();
        Account account = usable(username)
                .filter(a -> credentialTag(a.passwordHash).equals(credentialTag))
                .orElseThrow(() -> new AuthenticationFailedException("session ended: account gone or password changed"));
        return identity(account);
    }

    private void requireBuiltinSignIn() {
        if (!builtinSignIn) {
            throw new AuthenticationFailedException("built-in accounts are off (sextant.auth.mode=oidc): "
                    + "sign in through the OIDC provider");
        }
    }

    private Optional<Account> usable(String username) {
        return accounts.apply(username).filter(a -> demoMode || !a.demo());
    }

    private static SecurityIdentity identity(Account account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username()))
                .addRoles(account.roles())
                .addAttribute(EMAIL, account.email())
                .addAttribute(GROUPS, account.groups())
                .addAttribute(CREDENTIAL_TAG, credentialTag(account.passwordHash))
                .build();
    }

    static String credentialTag(String passwordHash) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(passwordHash.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
