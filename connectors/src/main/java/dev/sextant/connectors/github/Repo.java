package dev.sextant.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A repository as the listings describe it.
 *
 * @param visibility {@code public}, {@code private} or {@code internal} (from {@code private} on servers that
 *                   send no {@code visibility})
 */
record Repo(long id, String owner, long ownerId, boolean ownedByOrg, String name, String fullName, String visibility,
            boolean archived, boolean disabled, String defaultBranch, String htmlUrl, boolean hasIssues,
            Instant pushedAt) {

    static Repo of(JsonNode r) {
        JsonNode owner = r.path("owner");
        String visibility = r.hasNonNull("visibility") ? r.get("visibility").asText().toLowerCase(Locale.ROOT)
                : r.path("private").asBoolean(true) ? "private" : "public";
        return new Repo(r.path("id").asLong(), owner.path("login").asText(), owner.path("id").asLong(),
                "Organization".equals(owner.path("type").asText()), r.path("name").asText(),
                r.path("full_name").asText(owner.path("login").asText() + "/" + r.path("name").asText()), visibility,
                r.path("archived").asBoolean(false), r.path("disabled").asBoolean(false),
                r.path("default_branch").asText("main"), r.path("html_url").asText(), r.path("has_issues").asBoolean(true),
                time(r.path("pushed_at")));
    }

    /** {@code repos/owner/name/} for the API paths under it. */
    String path() {
        return "repos/" + GitHubApi.segment(owner) + "/" + GitHubApi.segment(name) + "/";
    }

    static Instant time(JsonNode value) {
        try {
            return value.isTextual() ? Instant.parse(value.asText()) : Instant.EPOCH;
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
