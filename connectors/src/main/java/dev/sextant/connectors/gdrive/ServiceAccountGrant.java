package dev.sextant.connectors.gdrive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Domain-wide delegation: a JWT assertion (RS256) naming the service account ({@code iss}), the user it acts as
 * ({@code sub}), the scopes and the token endpoint ({@code aud}), valid for an hour, signed with the key file's
 * private key and exchanged with grant type {@code urn:ietf:params:oauth:grant-type:jwt-bearer}.
 */
final class ServiceAccountGrant implements AccessTokens.Grant {

    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LIFETIME_SECONDS = 3600;

    private final ServiceAccountKey key;
    private final String subject;
    private final List<String> scopes;
    private final TokenEndpoint endpoint;
    private final Clock clock;

    ServiceAccountGrant(ServiceAccountKey key, String subject, List<String> scopes, TokenEndpoint endpoint,
                        Clock clock) {
        this.key = key;
        this.subject = subject;
        this.scopes = List.copyOf(scopes);
        this.endpoint = endpoint;
        this.clock = clock;
    }

    @Override
    public AccessTokens.Token obtain() throws IOException, InterruptedException {
        return endpoint.exchange(Map.of("grant_type", JWT_BEARER, "assertion", assertion(clock.instant())));
    }

    String assertion(Instant now) throws IOException {
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        if (!key.keyId().isEmpty()) {
            header.put("kid", key.keyId());
        }
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", key.clientEmail())
                .put("sub", subject)
                .put("scope", String.join(" ", scopes))
                .put("aud", endpoint.uri().toString())
                .put("iat", now.getEpochSecond())
                .put("exp", now.getEpochSecond() + LIFETIME_SECONDS);
        String signingInput = base64(JSON.writeValueAsBytes(header)) + "." + base64(JSON.writeValueAsBytes(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot sign the JWT assertion with the service account key: " + e.getMessage(), e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
