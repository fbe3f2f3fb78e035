package dev.sextant.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/** How {@link FakeGitHub} checks a GitHub App's JWT, with GitHub's own refusal messages. */
final class FakeAppJwt {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeAppJwt() {
    }

    /** Why an App JWT is refused, or null: RS256 signed by the app's key, issued by its id, not expired. */
    static String refusal(String jwt, String appId, PublicKey appKey, Instant at) {
        if (jwt == null || appKey == null) {
            return "A JSON web token could not be decoded";
        }
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return "A JSON web token could not be decoded";
        }
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(appKey);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return "A JSON web token could not be decoded";
            }
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            long now = at.getEpochSecond();
            if (!"RS256".equals(header.path("alg").asText()) || !appId.equals(claims.path("iss").asText())) {
                return "Integration not found";
            }
            if (claims.path("exp").asLong() <= now) {
                return "'Expiration time' claim ('exp') must be a numeric value representing the future time at "
                        + "which the assertion expires";
            }
            if (claims.path("iat").asLong() > now + 60 || claims.path("exp").asLong() - claims.path("iat").asLong() > 660) {
                return "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was "
                        + "issued, and 'exp' no more than 10 minutes after it";
            }
            return null;
        } catch (Exception e) {
            return "A JSON web token could not be decoded";
        }
    }
}
