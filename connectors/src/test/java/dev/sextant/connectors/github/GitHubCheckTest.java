package dev.sextant.connectors.github;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.spi.ConnectionCheck;
import dev.sextant.connectors.spi.SourceCheckException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A token is checked before it is saved, and the message says what is wrong with it. */
class GitHubCheckTest {

    private static final HttpSettings FAST = HttpSettings.DEFAULTS.withBackoff(Duration.ofMillis(5),
            Duration.ofMillis(20)).withRequestTimeout(Duration.ofSeconds(2));

    private GitHubFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new GitHubFixture(10);
        fixture.server.token("ghp_narrow", "public_repo, gist");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private ConnectionCheck check(Map<String, String> settings, String token) {
        return (ConnectionCheck) fixture.connector(SourceHttp.create(FAST, GitHubRateLimits.rule(), HttpObserver.NONE),
                fixture.definition(settings, Map.of("token", token)), Clock.systemUTC());
    }

    @Test
    void aGoodTokenPasses() {
        assertThatCode(() -> check(Map.of(), GitHubFixture.TOKEN).check()).doesNotThrowAnyException();
    }

    @Test
    void aBadTokenIsCalledThat() {
        assertThatThrownBy(() -> check(Map.of(), "ghp_wrong").check()).isInstanceOf(SourceCheckException.class)
                .hasMessageStartingWith("bad token").hasMessageContaining("Bad credentials");
    }

    @Test
    void missingScopesAreNamed() {
        assertThatThrownBy(() -> check(Map.of(), "ghp_narrow").check()).isInstanceOf(SourceCheckException.class)
                .hasMessageContaining("lacks scope repo").hasMessageContaining("read:org");
    }

    @Test
    void anUnknownOrganisationIsNamed() {
        assertThatThrownBy(() -> check(Map.of("org", "umbrella"), GitHubFixture.TOKEN).check())
                .isInstanceOf(SourceCheckException.class).hasMessageContaining("no organisation 'umbrella'");
    }

    @Test
    void anUnreachableHostIsNamed() {
        assertThatThrownBy(() -> check(Map.of("base_url", "http://127.0.0.1:9/api/v3"), GitHubFixture.TOKEN).check())
                .isInstanceOf(SourceCheckException.class).hasMessageContaining("cannot reach 127.0.0.1");
    }

    @Test
    void aBaseUrlThatIsNotTheApiIsCalledThat() {
        String root = fixture.server.base().resolve("/").toString();
        assertThatThrownBy(() -> check(Map.of("base_url", root), GitHubFixture.TOKEN).check())
                .isInstanceOf(SourceCheckException.class).hasMessageContaining("does not answer as the GitHub API")
                .hasMessageContaining("/api/v3");
    }
}
