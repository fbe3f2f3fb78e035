package dev.sextant.gateway.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * How people sign in ({@code sextant.auth.*}): with built-in accounts, or through an OIDC provider configured
 * by {@link OidcSettings}. The README's "Signing in" section describes both.
 */
@ConfigMapping(prefix = "sextant.auth")
public interface SignInConfig {

    /** The two ways to sign in; one build serves both, switched at start. */
    enum Mode {
        /** Accounts in Sextant's own database: the sign-in form, HTTP Basic and server-side sessions. */
        BUILTIN,
        /** An OIDC provider: the authorization-code flow with PKCE for the page, bearer tokens for the API. */
        OIDC
    }

    @WithDefault("builtin")
    Mode mode();

    /**
     * Whether quarkus-oidc's tenant is on, by mode name ({@code builtin=false}, {@code oidc=true}):
     * {@code application.properties} sets {@code quarkus.oidc.tenant-enabled} to the entry of the mode, which is
     * how one build serves both (that setting is read at run time).
     */
    Map<String, Boolean> oidcEnabled();

    default boolean builtin() {
        return mode() == Mode.BUILTIN;
    }
}
