package dev.sextant.connectors.gdrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.connectors.http.SourceResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Google's JSON error envelope, {@code {"error":{"code":403,"message":...,"errors":[{"reason":...}]}}}, as far
 * as it can be read: a body that is not one gives no reasons and its excerpt as the message.
 */
record GoogleError(int status, String message, List<String> reasons) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static GoogleError of(SourceResponse response) {
        List<String> reasons = new ArrayList<>();
        String message = response.excerpt();
        try {
            JsonNode error = JSON.readTree(response.body()).path("error");
            if (error.isObject()) {
                message = error.path("message").asText(message);
                error.path("errors").forEach(e -> {
                    if (e.hasNonNull("reason")) {
                        reasons.add(e.get("reason").asText());
                    }
                });
            }
        } catch (IOException e) {
            // not JSON: the excerpt stands
        }
        return new GoogleError(response.status(), message, List.copyOf(reasons));
    }

    boolean is(String reason) {
        return reasons.contains(reason);
    }

    @Override
    public String toString() {
        return "HTTP " + status + (reasons.isEmpty() ? "" : " " + String.join(", ", reasons)) + ": " + message;
    }
}
