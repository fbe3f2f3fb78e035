package dev.sextant.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.acl.Acl;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.http.SourceHttpException;
import dev.sextant.connectors.spi.SlimDocument;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Issues and pull requests (GitHub lists both under {@code /issues}; a pull request carries a
 * {@code pull_request} key), each one document with its comments appended in the order they were written. The
 * content version is the issue's {@code updated_at} and comment count, which a new comment changes.
 */
final class RepoIssues {

    private static final Comparator<JsonNode> WRITTEN = Comparator
            .comparing((JsonNode c) -> c.path("created_at").asText()).thenComparingLong(c -> c.path("id").asLong());

    private final GitHubApi api;
    private final GitHubIds ids;

    RepoIssues(GitHubApi api, GitHubIds ids) {
        this.api = api;
        this.ids = ids;
    }

    /** Every issue and pull request, open or closed, updated at or after {@code since} when given. */
    List<JsonNode> list(Repo repo, Optional<Instant> since) throws IOException, InterruptedException {
        return disabledAsEmpty(() -> api.list(repo.path() + "issues?state=all" + since.map(s -> "&since=" + s).orElse("")));
    }

    /**
     * The latest {@code updated_at} of the repository's issues and comments (GitHub's clock), from the first item of
     * each list sorted by update; the epoch when there are none.
     */
    Instant latest(Repo repo) throws IOException, InterruptedException {
        Instant latest = Instant.EPOCH;
        for (String list : List.of("issues?state=all&", "issues/comments?")) {
            for (JsonNode item : disabledAsEmpty(() -> top(repo.path() + list + "sort=updated&direction=desc&per_page=1"))) {
                Instant updated = Repo.time(item.path("updated_at"));
                latest = updated.isAfter(latest) ? updated : latest;
            }
        }
        return latest;
    }

    private List<JsonNode> top(String relative) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        GitHubApi.parse(api.get(api.uri(relative)).requireOk()).forEach(items::add);
        return items;
    }

    /** Comments by issue number, updated at or after {@code since} when given. */
    Map<Long, List<JsonNode>> comments(Repo repo, Optional<Instant> since) throws IOException, InterruptedException {
        Map<Long, List<JsonNode>> byIssue = new HashMap<>();
        for (JsonNode comment : disabledAsEmpty(() -> api.list(repo.path() + "issues/comments"
                + since.map(s -> "?since=" + s).orElse("")))) {
            String url = comment.path("issue_url").asText();
            try {
                long number = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
                byIssue.computeIfAbsent(number, n -> new ArrayList<>()).add(comment);
            } catch (NumberFormatException e) {
                // a comment that names no issue belongs to no document
            }
        }
        return byIssue;
    }

    List<JsonNode> commentsOf(Repo repo, long number) throws IOException, InterruptedException {
        return disabledAsEmpty(() -> api.list(repo.path() + "issues/" + number + "/comments"));
    }

    /** One issue; empty when it was deleted, transferred or is no longer readable. */
    Optional<JsonNode> issue(Repo repo, long number) throws IOException, InterruptedException {
        try {
            JsonNode issue = api.json(repo.path() + "issues/" + number);
            String home = repo.path().substring(0, repo.path().length() - 1).toLowerCase(Locale.ROOT);
            boolean here = !issue.hasNonNull("repository_url")
                    || issue.get("repository_url").asText().toLowerCase(Locale.ROOT).endsWith(home);
            return here && issue.path("number").asLong() == number ? Optional.of(issue) : Optional.empty();
        } catch (SourceHttpException e) {
            if (GitHubApi.gone(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    SlimDocument slim(Repo repo, Acl acl, JsonNode issue) {
        return new SlimDocument(ids.issue(repo, issue.path("number").asLong()), version(issue), acl);
    }

    SourceDocument document(Repo repo, Acl acl, JsonNode issue, List<JsonNode> comments) {
        boolean pull = issue.has("pull_request");
        StringBuilder body = new StringBuilder();
        body.append(pull ? "Pull request" : "Issue").append(" #").append(issue.path("number").asLong()).append(" in ")
                .append(repo.fullName()).append(", ").append(issue.path("state").asText("open")).append(", opened by ")
                .append(login(issue)).append("\n\n").append(issue.path("body").asText(""));
        List<JsonNode> ordered = new ArrayList<>(comments);
        ordered.sort(WRITTEN);
        for (JsonNode comment : ordered) {
            body.append("\n\n## Comment by ").append(login(comment)).append(" on ")
                    .append(comment.path("created_at").asText()).append("\n\n").append(comment.path("body").asText(""));
        }
        String title = issue.path("title").asText("").strip();
        return new SourceDocument(ids.issue(repo, issue.path("number").asLong()), GitHubPrincipals.SOURCE,
                (title.isEmpty() ? "(untitled)" : title) + " · " + repo.fullName() + "#" + issue.path("number").asLong(),
                body.toString(), issue.path("html_url").asText(), Repo.time(issue.path("updated_at")), acl, version(issue));
    }

    /** A comment edited after the issue last changed, which GitHub does not count as an update of the issue. */
    static boolean editedSince(JsonNode issue, List<JsonNode> comments) {
        Instant updated = Repo.time(issue.path("updated_at"));
        return comments.stream().anyMatch(c -> Repo.time(c.path("updated_at")).isAfter(updated));
    }

    private static String version(JsonNode issue) {
        return issue.path("updated_at").asText() + "|" + issue.path("comments").asLong();
    }

    private static String login(JsonNode item) {
        return item.path("user").path("login").asText("ghost");
    }

    private interface Listing {
        List<JsonNode> get() throws IOException, InterruptedException;
    }

    /** GitHub answers 410 Gone (or 404) for a repository whose issues are turned off. */
    private static List<JsonNode> disabledAsEmpty(Listing listing) throws IOException, InterruptedException {
        try {
            return listing.get();
        } catch (SourceHttpException e) {
            if (e.status() == 410 || e.status() == 404) {
                return List.of();
            }
            throw e;
        }
    }
}
