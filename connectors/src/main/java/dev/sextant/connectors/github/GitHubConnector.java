package dev.sextant.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.acl.Acl;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.extract.TextExtractor;
import dev.sextant.connectors.spi.ChangeSink;
import dev.sextant.connectors.spi.ConnectionCheck;
import dev.sextant.connectors.spi.DocumentFetch;
import dev.sextant.connectors.spi.DocumentSink;
import dev.sextant.connectors.spi.FullLoad;
import dev.sextant.connectors.spi.GroupSink;
import dev.sextant.connectors.spi.GroupSync;
import dev.sextant.connectors.spi.IdentityDiscovery;
import dev.sextant.connectors.spi.IncrementalPoll;
import dev.sextant.connectors.spi.SlimListing;
import dev.sextant.connectors.spi.SlimSink;
import dev.sextant.connectors.spi.SourceCheckException;
import dev.sextant.connectors.spi.SourceConnector;
import dev.sextant.connectors.spi.SourceIdentity;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One GitHub organisation (or user): the files of every repository's default branch, and its issues and pull
 * requests with their comments, each readable by whom GitHub lets read the repository.
 *
 * <p>A full load offers every file by blob sha and every issue by its update time, fetching only what the index
 * lacks. A poll compares each default branch's head with the cursor's ({@code /compare/{base}...{head}}) and lists
 * issues and comments {@code since} the cursor's time; the slim listing that follows lists every tree and issue with
 * the ACL of now, so removed files, repositories deleted, archived or closed to the connector, and permission changes
 * all arrive. A repository that fails for a passing reason is marked incomplete, so nothing of it is deleted.
 */
final class GitHubConnector implements SourceConnector, FullLoad, IncrementalPoll, SlimListing, DocumentFetch,
        GroupSync, IdentityDiscovery, ConnectionCheck {

    private final GitHubSettings settings;
    private final GitHubApi api;
    private final GitHubIds ids;
    private final RepoCatalog catalog;
    private final RepoFiles files;
    private final RepoIssues issues;
    private final FileOffers offers;
    private final GitHubDirectory directory;
    private volatile Map<Long, Repo> lastListed = Map.of();

    GitHubConnector(GitHubSettings settings, GitHubApi api, TextExtractor extractor) {
        this.settings = settings;
        this.api = api;
        this.ids = new GitHubIds(settings.sourceId());
        this.catalog = new RepoCatalog(api, settings);
        this.files = new RepoFiles(api, extractor, ids);
        this.issues = new RepoIssues(api, ids);
        this.offers = new FileOffers(files, new PathFilter(settings.maxFileBytes()), ids);
        this.directory = new GitHubDirectory(api, settings);
    }

    @Override
    public String id() {
        return settings.sourceId();
    }

    @Override
    public String kind() {
        return GitHubPrincipals.SOURCE;
    }

    @Override
    public void loadAll(DocumentSink sink) throws IOException, InterruptedException {
        RepoAccess access = new RepoAccess(api);
        for (Repo repo : repos()) {
            try {
                load(repo, access.acl(repo), sink);
            } catch (IOException e) {
                if (!GitHubApi.gone(e)) {
                    throw new IOException("repository " + repo.fullName() + " could not be read: " + e.getMessage(), e);
                }
                sink.skip(ids.repo(repo.id()), "repository " + repo.fullName() + " is not readable: " + e.getMessage());
            }
        }
    }

    private void load(Repo repo, Acl acl, DocumentSink sink) throws IOException, InterruptedException {
        Optional<RepoFiles.Head> head = files.head(repo);
        if (head.isPresent()) {
            offers.offerAll(repo, acl, files.tree(repo, head.get().tree()), sink);
        }
        if (settings.issues()) {
            Map<Long, List<JsonNode>> comments = issues.comments(repo, Optional.empty());
            for (JsonNode issue : issues.list(repo, Optional.empty())) {
                if (sink.offer(issues.slim(repo, acl, issue))) {
                    sink.upsert(issues.document(repo, acl, issue,
                            comments.getOrDefault(issue.path("number").asLong(), List.of())));
                }
            }
        }
    }

    @Override
    public String currentCursor() throws IOException, InterruptedException {
        Map<Long, GitHubCursor.Position> positions = new HashMap<>();
        for (Repo repo : repos()) {
            try {
                String head = files.head(repo).map(RepoFiles.Head::commit).orElse(null);
                positions.put(repo.id(), new GitHubCursor.Position(head,
                        settings.issues() ? issues.latest(repo) : Instant.EPOCH));
            } catch (IOException e) {
                if (!GitHubApi.gone(e)) {
                    throw e;
                }
            }
        }
        return new GitHubCursor(positions).format();
    }

    @Override
    public String poll(String cursor, ChangeSink sink) throws IOException, InterruptedException {
        GitHubCursor from = GitHubCursor.parse(cursor);
        Map<Long, GitHubCursor.Position> positions = new HashMap<>();
        RepoAccess access = new RepoAccess(api);
        for (Repo repo : repos()) {
            GitHubCursor.Position old = from.repos().getOrDefault(repo.id(), new GitHubCursor.Position(null,
                    Instant.EPOCH));
            try {
                Acl acl = access.acl(repo);
                Optional<RepoFiles.Head> head = files.head(repo);
                if (head.isPresent() && !head.get().commit().equals(old.head())) {
                    offers.changes(repo, acl, old.head(), head.get(), sink);
                }
                Instant since = settings.issues() ? changedIssues(repo, acl, old.since(), sink) : old.since();
                positions.put(repo.id(), new GitHubCursor.Position(head.map(RepoFiles.Head::commit).orElse(null), since));
            } catch (IOException e) {
                if (!GitHubApi.gone(e)) {
                    positions.put(repo.id(), old);
                    sink.skip(ids.repo(repo.id()), "repository " + repo.fullName() + " could not be polled: "
                            + e.getMessage());
                }
            }
        }
        return new GitHubCursor(positions).format();
    }

    /** Hands over the issues changed since {@code since}; returns the latest update seen, the next poll's since. */
    private Instant changedIssues(Repo repo, Acl acl, Instant since, ChangeSink sink)
            throws IOException, InterruptedException {
        Optional<Instant> from = since.equals(Instant.EPOCH) ? Optional.empty() : Optional.of(since);
        Map<Long, JsonNode> changed = new HashMap<>();
        issues.list(repo, from).forEach(i -> changed.put(i.path("number").asLong(), i));
        Map<Long, List<JsonNode>> commented = issues.comments(repo, from);
        Instant latest = since;
        for (JsonNode item : changed.values()) {
            latest = later(latest, item);
        }
        for (List<JsonNode> comments : commented.values()) {
            for (JsonNode comment : comments) {
                latest = later(latest, comment);
            }
            // since is inclusive: a comment updated at exactly that second was handled by the poll that saw it
            comments.removeIf(c -> !Repo.time(c.path("updated_at")).isAfter(since));
        }
        commented.values().removeIf(List::isEmpty);
        for (Long number : commented.keySet()) {
            if (!changed.containsKey(number)) {
                Optional<JsonNode> issue = issues.issue(repo, number);
                if (issue.isPresent()) {
                    changed.put(number, issue.get());
                } else {
                    sink.delete(ids.issue(repo, number));
                }
            }
        }
        for (JsonNode issue : changed.values()) {
            long number = issue.path("number").asLong();
            boolean newContent = sink.offer(issues.slim(repo, acl, issue));
            if (newContent || RepoIssues.editedSince(issue, commented.getOrDefault(number, List.of()))) {
                List<JsonNode> comments = issue.path("comments").asLong() > 0 ? issues.commentsOf(repo, number) : List.of();
                sink.upsert(issues.document(repo, acl, issue, comments));
            }
        }
        return latest;
    }

    private static Instant later(Instant latest, JsonNode item) {
        Instant updated = Repo.time(item.path("updated_at"));
        return updated.isAfter(latest) ? updated : latest;
    }

    @Override
    public void listSlim(SlimSink sink) throws IOException, InterruptedException {
        RepoAccess access = new RepoAccess(api);
        for (Repo repo : repos()) {
            try {
                Acl acl = access.acl(repo);
                Optional<RepoFiles.Head> head = files.head(repo);
                if (head.isPresent()) {
                    for (RepoFiles.Entry entry : files.tree(repo, head.get().tree())) {
                        if (offers.indexable(entry)) {
                            sink.document(files.slim(repo, acl, entry));
                        }
                    }
                }
                if (settings.issues()) {
                    for (JsonNode issue : issues.list(repo, Optional.empty())) {
                        sink.document(issues.slim(repo, acl, issue));
                    }
                }
            } catch (IOException e) {
                if (!GitHubApi.gone(e)) {
                    sink.incomplete(ids.repo(repo.id()), "repository " + repo.fullName() + ": " + e.getMessage());
                }
            }
        }
    }

    @Override
    public Optional<SourceDocument> fetch(String documentId) throws IOException, InterruptedException {
        Optional<GitHubIds.Parsed> parsed = ids.parse(documentId);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Repo repo = lastListed.get(parsed.get().repoId());
        if (repo == null) {
            repos();
            repo = lastListed.get(parsed.get().repoId());
        }
        if (repo == null) {
            return Optional.empty();
        }
        try {
            Acl acl = new RepoAccess(api).acl(repo);
            return GitHubIds.FILE.equals(parsed.get().kind()) ? offers.fetch(repo, acl, parsed.get().rest())
                    : fetchIssue(repo, acl, Long.parseLong(parsed.get().rest()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (GitHubApi.gone(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<SourceDocument> fetchIssue(Repo repo, Acl acl, long number)
            throws IOException, InterruptedException {
        Optional<JsonNode> issue = issues.issue(repo, number);
        if (issue.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(issues.document(repo, acl, issue.get(), issues.commentsOf(repo, number)));
    }

    @Override
    public void syncGroups(GroupSink sink) throws IOException, InterruptedException {
        directory.syncGroups(sink);
    }

    @Override
    public void discoverIdentities(Consumer<SourceIdentity> sink) throws IOException, InterruptedException {
        directory.discoverIdentities(sink);
    }

    @Override
    public void check() throws SourceCheckException, InterruptedException {
        new GitHubCheck(api, settings).check();
    }

    private List<Repo> repos() throws IOException, InterruptedException {
        List<Repo> repos = catalog.list();
        Map<Long, Repo> byId = new HashMap<>();
        repos.forEach(r -> byId.put(r.id(), r));
        lastListed = Map.copyOf(byId);
        return repos;
    }
}
