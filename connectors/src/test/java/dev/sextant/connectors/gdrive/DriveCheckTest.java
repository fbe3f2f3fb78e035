package dev.sextant.connectors.gdrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.connectors.extract.ExtractionLimits;
import dev.sextant.connectors.extract.TextExtractor;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.spi.ConnectorContext;
import dev.sextant.connectors.spi.ConnectorFactory;
import dev.sextant.connectors.spi.InvalidSourceException;
import dev.sextant.connectors.spi.SourceCheckException;
import dev.sextant.connectors.spi.SourceDefinition;
import java.time.Clock;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the connection check and the factory say about credentials and settings that do not work. */
class DriveCheckTest {

    private final DriveFixture fixture = new DriveFixture(20);
    private final FakeGoogleAuth auth = fixture.drive.auth;

    @AfterEach
    void close() {
        fixture.close();
    }

    private DriveConnector connector(String keyFile) {
        return fixture.connector(DriveFixture.FAST_HTTP, HttpObserver.NONE, Map.of("service_account_json", keyFile));
    }

    @Test
    void aWorkingServiceAccountPasses() throws Exception {
        connector(auth.keyFile(fixture.drive.tokenUri())).check();
    }

    @Test
    void aKeyGoogleDoesNotKnowIsRefusedNamingDelegationAndScopes() {
        assertThatThrownBy(() -> connector(auth.keyFileWithUnknownKey(fixture.drive.tokenUri())).check())
                .isInstanceOf(SourceCheckException.class)
                .hasMessageContaining("invalid_grant")
                .hasMessageContaining("Invalid JWT Signature")
                .hasMessageContaining("domain-wide delegation")
                .hasMessageContaining(DriveConnectorFactory.DRIVE_SCOPE);
    }

    @Test
    void delegationWithoutTheGroupScopesIsRefusedNamingThem() throws Exception {
        auth.delegate(Set.of(DriveConnectorFactory.DRIVE_SCOPE));
        assertThatThrownBy(() -> connector(auth.keyFile(fixture.drive.tokenUri())).check())
                .isInstanceOf(SourceCheckException.class)
                .hasMessageContaining("unauthorized_client")
                .hasMessageContaining(DriveConnectorFactory.GROUP_SCOPE);
        fixture.setting("sync_groups", "false");
        connector(auth.keyFile(fixture.drive.tokenUri())).check();
    }

    @Test
    void aRevokedRefreshTokenSaysSo() {
        fixture.setting("token_url", fixture.drive.tokenUri());
        DriveConnector connector = fixture.connector(DriveFixture.FAST_HTTP, HttpObserver.NONE, Map.of(
                "client_secret", auth.clientSecret, "refresh_token", "1//0revoked"));
        assertThatThrownBy(connector::check).isInstanceOf(SourceCheckException.class)
                .hasMessageContaining("invalid_grant").hasMessageContaining("refresh token may be revoked");
    }

    @Test
    void anUnreachableHostIsNamed() {
        assertThatThrownBy(() -> connector(auth.keyFile("http://127.0.0.1:9/token")).check())
                .isInstanceOf(SourceCheckException.class)
                .hasMessageContaining("cannot reach the token endpoint")
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void aBaseUrlThatIsNotTheDriveApiIsNamed() {
        fixture.setting("drive_base_url", fixture.drive.root() + "/nothing");
        assertThatThrownBy(() -> connector(auth.keyFile(fixture.drive.tokenUri())).check())
                .isInstanceOf(SourceCheckException.class)
                .hasMessageContaining("does not look like the Drive API");
    }

    @Test
    void theFactoryIsFoundAndNamesWhatADefinitionLacks() {
        ConnectorFactory factory = ServiceLoader.load(ConnectorFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.kind().equals("gdrive")).findFirst().orElseThrow();
        ExtractionLimits limits = ExtractionLimits.defaults();
        ConnectorContext context = new ConnectorContext(SourceHttp.create(DriveFixture.FAST_HTTP,
                factory.rateLimits(), HttpObserver.NONE), TextExtractor.standard(), limits, 1 << 20,
                Clock.systemUTC());
        assertThatThrownBy(() -> factory.create(new SourceDefinition("g", "gdrive", Map.of(), Map.of()), context))
                .isInstanceOf(InvalidSourceException.class).hasMessageContaining("service_account_json");
        assertThatThrownBy(() -> factory.create(new SourceDefinition("g", "gdrive", Map.of(),
                Map.of("service_account_json", auth.keyFile("https://oauth2.googleapis.com/token"))), context))
                .isInstanceOf(InvalidSourceException.class).hasMessageContaining("'subject'");
        assertThatThrownBy(() -> factory.create(new SourceDefinition("g", "gdrive", Map.of("subject", "a@b.example"),
                Map.of("service_account_json", "{\"type\":\"authorized_user\"}")), context))
                .isInstanceOf(InvalidSourceException.class).hasMessageContaining("not a service account key file");
        assertThat(factory.settings()).extracting(s -> s.name()).contains("service_account_json", "subject",
                "refresh_token", "drive_base_url", "admin_base_url", "token_url");
    }
}
