package dev.sextant.connectors.gdrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Google's OAuth token endpoint and bearer-token check, as the fake serves them. A JWT assertion must be RS256,
 * signed by the service account's key (verified with its public key), name the service account as {@code iss}, a
 * user of the domain as {@code sub}, the token endpoint as {@code aud}, live at most an hour, and ask only scopes
 * that domain-wide delegation grants; otherwise the endpoint answers as Google does ({@code invalid_grant},
 * {@code unauthorized_client}). A refresh token must come with its client's id and secret.
 */
public final class FakeGoogleAuth {

    /** A token endpoint answer: status and JSON body. */
    public record Answer(int status, Map<String, Object> body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public final String clientEmail = "sextant-indexer@acme-search.iam.gserviceaccount.com";
    public final String clientId = "1044-sextant.apps.googleusercontent.com";
    public final String clientSecret = "GOCSPX-fake-secret";
    public final String refreshToken = "1//0refresh-" + UUID.randomUUID();
    private final KeyPair key;
    private final String keyId = UUID.randomUUID().toString().replace("-", "");
    private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
    private volatile Set<String> delegatedScopes = Set.of(DriveConnectorFactory.DRIVE_SCOPE,
            DriveConnectorFactory.GROUP_SCOPE, DriveConnectorFactory.MEMBER_SCOPE);
    private volatile Duration lifetime = Duration.ofSeconds(3599);

    private record Grant(Set<String> scopes, Instant expires) {
    }

    FakeGoogleAuth() {
        key = newKey();
    }

    static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service account's JSON key file, as the Cloud console downloads it. */
    public String keyFile(String tokenUri) {
        return keyFile(tokenUri, key);
    }

    /** A key file for the same account but another key, which the endpoint does not know. */
    public String keyFileWithUnknownKey(String tokenUri) {
        return keyFile(tokenUri, newKey());
    }

    private String keyFile(String tokenUri, KeyPair pair) {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> file = new LinkedHashMap<>();
        file.put("type", "service_account");
        file.put("project_id", "acme-search");
        file.put("private_key_id", keyId);
        file.put("private_key", pem);
        file.put("client_email", clientEmail);
        file.put("client_id", "109876543210987654321");
        file.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        file.put("token_uri", tokenUri);
        try {
            return JSON.writeValueAsString(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The scopes the admin console lets the service account ask for. */
    public void delegate(Set<String> scopes) {
        delegatedScopes = Set.copyOf(scopes);
    }

    public void tokenLifetime(Duration duration) {
        lifetime = duration;
    }

    /** Every issued access token stops working, as when an admin revokes them. */
    public void revokeAll() {
        tokens.clear();
    }

    /** The scopes of a live access token, or null. */
    Set<String> scopes(String accessToken) {
        Grant grant = tokens.get(accessToken);
        return grant == null || !grant.expires().isAfter(Instant.now()) ? null : grant.scopes();
    }

    Answer token(Map<String, String> form, String tokenUri, Set<String> users) {
        String type = form.getOrDefault("grant_type", "");
        if (type.equals(ServiceAccountGrant.JWT_BEARER)) {
            return assertion(form.getOrDefault("assertion", ""), tokenUri, users);
        }
        if (type.equals("refresh_token")) {
            if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
                return error(401, "invalid_client", "Unauthorized");
            }
            if (!refreshToken.equals(form.get("refresh_token"))) {
                return error(400, "invalid_grant", "Bad Request");
            }
            return issue(delegatedScopes);
        }
        return error(400, "unsupported_grant_type", "Invalid grant_type: " + type);
    }

    private Answer assertion(String jwt, String tokenUri, Set<String> users) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return error(400, "invalid_grant", "Invalid JWT: not three segments");
        }
        JsonNode header;
        JsonNode claims;
        try {
            header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key.getPublic());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!"RS256".equals(header.path("alg").asText()) || !rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return error(400, "invalid_grant", "Invalid JWT Signature.");
            }
        } catch (Exception e) {
            return error(400, "invalid_grant", "Invalid JWT Signature.");
        }
        long now = Instant.now().getEpochSecond();
        long iat = claims.path("iat").asLong(-1);
        long exp = claims.path("exp").asLong(-1);
        if (iat < 0 || exp <= now || exp - iat > 3600 || iat > now + 60) {
            return error(400, "invalid_grant", "Invalid JWT: Token must be a short-lived token (60 minutes) and in a"
                    + " reasonable timeframe. Check your iat and exp values in the JWT claim.");
        }
        if (!clientEmail.equals(claims.path("iss").asText())) {
            return error(400, "invalid_grant", "Invalid JWT: the issuer is not this service account");
        }
        if (!tokenUri.equals(claims.path("aud").asText())) {
            return error(400, "invalid_grant", "Invalid JWT: audience is not the token endpoint");
        }
        if (!users.contains(claims.path("sub").asText())) {
            return error(400, "invalid_grant", "Invalid email or User ID");
        }
        Set<String> scopes = Arrays.stream(claims.path("scope").asText("").split(" ")).filter(s -> !s.isBlank())
                .collect(Collectors.toSet());
        if (scopes.isEmpty()) {
            return error(400, "invalid_scope", "Invalid OAuth scope or ID token audience provided.");
        }
        if (!delegatedScopes.containsAll(scopes)) {
            return error(401, "unauthorized_client", "Client is unauthorized to retrieve access tokens using this"
                    + " method, or client not authorized for any of the scopes requested.");
        }
        return issue(scopes);
    }

    private Answer issue(Set<String> scopes) {
        String token = "ya29.fake-" + UUID.randomUUID();
        tokens.put(token, new Grant(Set.copyOf(scopes), Instant.now().plus(lifetime)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("expires_in", lifetime.toSeconds());
        body.put("token_type", "Bearer");
        return new Answer(200, body);
    }

    private static Answer error(int status, String error, String description) {
        return new Answer(status, Map.of("error", error, "error_description", description));
    }
}
