package dev.sextant.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The gateway in the {@code oidc} sign-in mode against the real Keycloak's {@code sextant} realm. Tests using it
 * carry {@code @EnabledIfEnvironmentVariable(named = Keycloak.URL_VARIABLE, ...)}, so that without a Keycloak
 * they are skipped before the application starts.
 */
public class OidcProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        if (!Keycloak.running()) {
            // Quarkus reads the profile while it discovers the tests, before their condition skips them.
            return Map.of();
        }
        return Map.of(
                "sextant.auth.mode", "oidc",
                "sextant.oidc.issuer", Keycloak.issuer("sextant"),
                "sextant.oidc.client-id", Keycloak.CLIENT,
                "sextant.oidc.client-secret", Keycloak.CLIENT_SECRET);
    }
}
