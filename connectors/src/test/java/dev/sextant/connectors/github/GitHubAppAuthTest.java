package dev.sextant.connectors.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.spi.ConnectionCheck;
import dev.sextant.connectors.spi.SourceCheckException;
import dev.sextant.connectors.spi.SourceConnector;
import dev.sextant.connectors.sync.DirectoryStore;
import dev.sextant.connectors.sync.SourceSync;
import dev.sextant.connectors.testing.MemoryIndex;
import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A GitHub App: the JWT the fake verifies with the app's public key, the installation token and its refresh. */
class GitHubAppAuthTest {

    private static final HttpSettings FAST = HttpSettings.DEFAULTS.withBackoff(Duration.ofMillis(5),
            Duration.ofMillis(20));
    private static final KeyPair KEY = keyPair();

    private GitHubFixture fixture;
    private Instant now = Instant.now();
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @BeforeEach
    void start() throws IOException {
        fixture = new GitHubFixture(10);
        fixture.seed(6);
        fixture.server.app("4242", KEY.getPublic(), 777);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private SourceConnector app(String pem, String installation) {
        return fixture.connector(SourceHttp.create(FAST, GitHubRateLimits.rule(), HttpObserver.NONE),
                fixture.definition(Map.of("app_id", "4242", "installation_id", installation),
                        Map.of("private_key", pem)), clock);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String pkcs8() {
        return pem("PRIVATE KEY", KEY.getPrivate().getEncoded());
    }

    @Test
    void anHourLongInstallationTokenFromASignedJwtReadsTheRepositoriesAndIsTakenAgainFiveMinutesBeforeItEnds() throws Exception {
        fixture.server.clock = clock;
        SourceConnector connector = app(pkcs8(), "777");
        MemoryIndex index = new MemoryIndex();
        index.sync(new SourceSync(connector, DirectoryStore.NONE));
        assertThat(index.documents().keySet()).containsExactlyInAnyOrderElementsOf(fixture.documentIds());
        assertThat(fixture.server.tokenExchanges()).isEqualTo(1);

        now = now.plus(Duration.ofMinutes(50));
        index.sync(new SourceSync(connector, DirectoryStore.NONE));
        assertThat(fixture.server.tokenExchanges()).as("10 minutes left: kept").isEqualTo(1);

        now = now.plus(Duration.ofMinutes(6));
        index.sync(new SourceSync(connector, DirectoryStore.NONE));
        assertThat(fixture.server.tokenExchanges()).as("under 5 minutes left: taken again").isEqualTo(2);
    }

    @Test
    void aGitHubPkcs1KeyWorksAsWell() throws Exception {
        byte[] pkcs8 = KEY.getPrivate().getEncoded();
        String pkcs1 = pem("RSA PRIVATE KEY", Arrays.copyOfRange(pkcs8, 26, pkcs8.length));
        ((ConnectionCheck) app(pkcs1, "777")).check();
        assertThat(fixture.server.tokenExchanges()).isEqualTo(1);
    }

    @Test
    void anExpiredJwtIsRefusedAndTheCheckSaysSo() {
        now = Instant.now().minus(Duration.ofMinutes(15));
        assertThatThrownBy(() -> ((ConnectionCheck) app(pkcs8(), "777")).check())
                .isInstanceOf(SourceCheckException.class).hasMessageContaining("JWT")
                .hasMessageContaining("Expiration time");
        assertThat(fixture.server.tokenExchanges()).isZero();
    }

    @Test
    void aJwtSignedWithAnotherKeyOrForAnotherInstallationIsRefused() {
        assertThatThrownBy(() -> ((ConnectionCheck) app(pem("PRIVATE KEY", keyPair().getPrivate().getEncoded()), "777"))
                .check()).isInstanceOf(SourceCheckException.class).hasMessageContaining("app_id and private_key");
        assertThatThrownBy(() -> ((ConnectionCheck) app(pkcs8(), "778")).check())
                .isInstanceOf(SourceCheckException.class).hasMessageContaining("no installation 778");
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
