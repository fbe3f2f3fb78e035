package dev.sextant.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsrfOriginCheckTest {

    private static final String OWN = "http://localhost:8080";
    private final OriginCheck check = new OriginCheck(List.of("https://search.example.com"));

    @Test
    void theServersOwnOriginAndAllowedOnesPass() {
        assertThat(check.refusal("POST", OWN, "http://localhost:8080", null, "same-origin", true)).isEmpty();
        assertThat(check.refusal("POST", "https://sextant.example", "https://SEXTANT.example:443", null, null, true))
                .as("case and default port do not matter").isEmpty();
        assertThat(check.refusal("DELETE", OWN, "https://search.example.com", null, null, true)).isEmpty();
        assertThat(check.refusal("POST", OWN, null, "http://localhost:8080/?q=x", null, true))
                .as("the Referer stands in for a missing Origin").isEmpty();
    }

    @Test
    void otherOriginsNullAndCrossSiteFetchesAreRefused() {
        assertThat(check.refusal("POST", OWN, "https://evil.example", null, null, false))
                .hasValueSatisfying(m -> assertThat(m).contains("https://evil.example:443", OWN));
        assertThat(check.refusal("POST", OWN, "http://localhost:8081", null, null, false)).isPresent();
        assertThat(check.refusal("PUT", OWN, "null", null, null, false)).isPresent();
        assertThat(check.refusal("POST", OWN, null, "https://evil.example/page", null, false)).isPresent();
        assertThat(check.refusal("POST", OWN, OWN, null, "cross-site", false))
                .hasValueSatisfying(m -> assertThat(m).contains("Sec-Fetch-Site"));
    }

    @Test
    void withNeitherHeaderOnlyARequestWithoutASessionPasses() {
        assertThat(check.refusal("POST", OWN, null, null, null, false)).as("curl with Basic").isEmpty();
        assertThat(check.refusal("POST", OWN, null, null, null, true)).isPresent();
    }

    @Test
    void safeMethodsAreNotChecked() {
        assertThat(check.refusal("GET", OWN, "https://evil.example", null, "cross-site", true)).isEmpty();
    }

    @Test
    void aMalformedAllowedOriginFailsAtStart() {
        assertThatThrownBy(() -> new OriginCheck(List.of("search.example.com")))
                .hasMessageContaining("sextant.http.allowed-origins");
    }
}
