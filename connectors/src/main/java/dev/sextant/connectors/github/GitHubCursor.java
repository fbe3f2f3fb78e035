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
 * Where a poll starts: the time issues and comments are listed {@code since}, and each repository's default-branch
 * head, compared with the head now to find the files that changed. Stored as JSON.
 */
record GitHubCursor(Instant since, Map<Long, String> heads) {

    private static final ObjectMapper JSON = new ObjectMapper();

    GitHubCursor {
        heads = Map.copyOf(heads);
    }

    String format() {
        ObjectNode root = JSON.createObjectNode();
        root.put("since", since.toString());
        ObjectNode h = root.putObject("heads");
        new TreeMap<>(heads).forEach((repo, sha) -> h.put(Long.toString(repo), sha));
        return root.toString();
    }

    /** A cursor that cannot be read polls everything since the epoch: every head differs, every issue is offered. */
    static GitHubCursor parse(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            Map<Long, String> heads = new TreeMap<>();
            root.path("heads").properties().forEach(e -> heads.put(Long.parseLong(e.getKey()), e.getValue().asText()));
            return new GitHubCursor(Instant.parse(root.path("since").asText()), heads);
        } catch (IOException | DateTimeParseException | NumberFormatException e) {
            return new GitHubCursor(Instant.EPOCH, Map.of());
        }
    }
}
