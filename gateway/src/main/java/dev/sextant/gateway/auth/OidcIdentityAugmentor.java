package dev.sextant.gateway.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Gives an identity signed in through the OIDC provider what a built-in account's identity has: Sextant's roles
 * (only those {@link TokenClaims} maps from the provider's, so a provider role that happens to be called
 * {@code admin} grants nothing unless it is the configured one) and the {@link AccountIdentities#EMAIL} and
 * {@link AccountIdentities#GROUPS} attributes that {@link ReaderPrincipals} reads. Built-in identities pass as
 * they are.
 */
@ApplicationScoped
public class OidcIdentityAugmentor implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(OidcIdentityAugmentor.class);
    private static final TypeReference<Map<String, Object>> CLAIMS = new TypeReference<>() {
    };

    private final TokenClaims claims;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    OidcIdentityAugmentor(OidcSettings settings) {
        this.claims = new TokenClaims(settings.rolesClaim(), settings.groupsClaim(), settings.adminRole(),
                settings.employeeRole(), LOG::warn);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        TokenClaims.Claims read = claims.read(payload(token));
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(read.roles())
                .addAttribute(AccountIdentities.GROUPS, read.groups());
        read.email().ifPresent(email -> builder.addAttribute(AccountIdentities.EMAIL, email));
        return Uni.createFrom().item(builder.build());
    }

    /** The claims as JSON maps and lists; quarkus-oidc has verified the token before it reaches here. */
    private Map<String, Object> payload(JsonWebToken token) {
        String[] parts = token.getRawToken().split("\\.");
        if (parts.length < 2) {
            throw new AuthenticationFailedException("the token is not a JWT");
        }
        try {
            return json.readValue(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8), CLAIMS);
        } catch (IOException | IllegalArgumentException e) {
            throw new AuthenticationFailedException("the token's claims are not JSON", e);
        }
    }
}
