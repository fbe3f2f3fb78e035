package dev.sextant.gateway.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The OIDC provider ({@code sextant.oidc.*}), used when {@code sextant.auth.mode=oidc}. The issuer, client id and
 * secret are handed to quarkus-oidc ({@code application.properties} maps them onto {@code quarkus.oidc.*}); the
 * claim settings are read by {@link TokenClaims}.
 */
@ConfigMapping(prefix = "sextant.oidc")
public interface OidcSettings {

    /** The issuer URL, e.g. {@code https://sso.example.com/realms/sextant}; its discovery document is read at start. */
    Optional<String> issuer();

    /** The client Sextant signs in as; access tokens for the API must name it in {@code aud}. */
    @WithDefault("sextant")
    String clientId();

    Optional<String> clientSecret();

    /** Dot-separated path to the token's array of role names. */
    @WithDefault("realm_access.roles")
    String rolesClaim();

    /** The token's array of group names; each becomes a {@code group:idp:<name>} principal. */
    @WithDefault("groups")
    String groupsClaim();

    /** The provider's role that makes someone a Sextant admin. */
    @WithDefault("admin")
    String adminRole();

    /** The provider's role that lets someone search, answer and chat. */
    @WithDefault("employee")
    String employeeRole();
}
