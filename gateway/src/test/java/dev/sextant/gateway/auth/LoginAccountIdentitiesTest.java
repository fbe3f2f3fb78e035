package dev.sextant.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.gateway.security.CredentialCache;
import dev.sextant.gateway.security.LoginThrottle;
import dev.sextant.gateway.security.LoginThrottledException;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** AccountIdentities over an in-memory account table: throttle, credential cache, password changes. */
class LoginAccountIdentitiesTest {

    private static final String ADDRESS = "192.0.2.44";

    private final Map<String, Account> table = new HashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AccountIdentities identities = new AccountIdentities(name -> {
        lookups.incrementAndGet();
        return Optional.ofNullable(table.get(name));
    }, false, new LoginThrottle(LoginThrottle.Policy.DEFAULT, Instant::now),
            new CredentialCache(Duration.ofSeconds(60), 100, Instant::now));

    @Test
    void theRightPasswordSignsInAndCarriesEmailAndCredentialTag() {
        put("erin", "correct horse", false);
        var identity = identities.withPassword("erin", "correct horse".toCharArray(), ADDRESS);
        assertThat(identity.getPrincipal().getName()).isEqualTo("erin");
        assertThat((String) identity.getAttribute(AccountIdentities.EMAIL)).isEqualTo("erin@northwind.example");
        String tag = identity.getAttribute(AccountIdentities.CREDENTIAL_TAG);
        assertThat(identities.forSession("erin", tag).getPrincipal().getName()).isEqualTo("erin");
    }

    @Test
    void aCachedPasswordSkipsBcryptUntilThePasswordChanges() {
        put("frank", "first password", false);
        identities.withPassword("frank", "first password".toCharArray(), ADDRESS);
        long t0 = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            identities.withPassword("frank", "first password".toCharArray(), ADDRESS);
        }
        long perCallMicros = (System.nanoTime() - t0) / 50 / 1000;
        assertThat(perCallMicros).as("50 cached checks, far below one bcrypt each").isLessThan(5_000);

        put("frank", "second password", false);
        assertThatThrownBy(() -> identities.withPassword("frank", "first password".toCharArray(), ADDRESS))
                .as("the old password no longer works, cache or not").isInstanceOf(AuthenticationFailedException.class);
        assertThat(identities.withPassword("frank", "second password".toCharArray(), ADDRESS).getPrincipal().getName())
                .isEqualTo("frank");
    }

    @Test
    void aRemovedAccountIsRefusedAtOnceEvenWithACachedPassword() {
        put("gina", "gina password", false);
        var identity = identities.withPassword("gina", "gina password".toCharArray(), ADDRESS);
        table.remove("gina");
        assertThatThrownBy(() -> identities.withPassword("gina", "gina password".toCharArray(), ADDRESS))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> identities.forSession("gina", identity.getAttribute(AccountIdentities.CREDENTIAL_TAG)))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aPasswordChangeEndsSessions() {
        put("hank", "hank password", false);
        String tag = identities.withPassword("hank", "hank password".toCharArray(), ADDRESS)
                .getAttribute(AccountIdentities.CREDENTIAL_TAG);
        put("hank", "new hank password", false);
        assertThatThrownBy(() -> identities.forSession("hank", tag)).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordWaitsUnlessItWasJustVerified() {
        put("ivan", "ivan password", false);
        put("judy", "judy password", false);
        identities.withPassword("judy", "judy password".toCharArray(), ADDRESS);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> identities.withPassword("ivan", "guess".toCharArray(), ADDRESS))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(() -> identities.withPassword("judy", "guess".toCharArray(), "198.51.100.3"))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        assertThatThrownBy(() -> identities.withPassword("ivan", "ivan password".toCharArray(), ADDRESS))
                .isInstanceOfSatisfying(LoginThrottledException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
        assertThat(identities.withPassword("judy", "judy password".toCharArray(), ADDRESS).getPrincipal().getName())
                .as("a password verified a moment ago is not made to wait").isEqualTo("judy");
    }

    @Test
    void demoAccountsAreRefusedOutsideDemoModeAndUnknownNamesCostABcrypt() {
        put("demo-dan", "demo", true);
        assertThatThrownBy(() -> identities.withPassword("demo-dan", "demo".toCharArray(), ADDRESS))
                .isInstanceOf(AuthenticationFailedException.class);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> identities.withPassword("nobody", "x".toCharArray(), "198.51.100.4"))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("a miss still pays bcrypt")
                .isGreaterThan(Duration.ofMillis(5));
    }

    private void put(String username, String password, boolean demo) {
        Account a = new Account();
        a.username = username;
        a.email = username + "@northwind.example";
        a.passwordHash = BcryptUtil.bcryptHash(password);
        a.demo = demo;
        a.roles.add("user");
        table.put(username, a);
    }
}
