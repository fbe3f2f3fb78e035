package dev.sextant.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a poll starts, per repository: its default-branch head, compared with the head now to find the files that
 * changed, and the latest {@code updated_at} of its issues and comments that the connector has seen, from which they
 * are listed {@code since} next time. Both come from GitHub, so no clock of ours is involved. Stored as JSON.
 */
record GitHubCursor(Map<Long, Position> repos) {

    /** @param head null for an empty repository */
    record Position(String head, Instant since) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    GitHubCursor {
        repos = Map.copyOf(repos);
    }

    String format() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode r = root.putObject("repos");
        new TreeMap<>(repos).forEach((id, p) -> {
            ObjectNode position = r.putObject(Long.toString(id));
            position.put("head", p.head());
            position.put("since", p.since().toString());
        });
        return root.toString();
    }

    /** A cursor that cannot be read knows no repository: each is polled in full, every file and issue offered. */
    static GitHubCursor parse(String text) {
        try {
            Map<Long, Position> repos = new TreeMap<>();
            for (var e : JSON.readTree(text).path("repos").properties()) {
                JsonNode p = e.getValue();
                repos.put(Long.parseLong(e.getKey()), new Position(p.hasNonNull("head") ? p.get("head").asText() : null,
                        Instant.parse(p.path("since").asText())));
            }
            return new GitHubCursor(repos);
        } catch (IOException | DateTimeParseException | NumberFormatException e) {
            return new GitHubCursor(Map.of());
        }
    }
}
