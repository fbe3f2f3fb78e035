package dev.sextant.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.acl.Acl;
import dev.sextant.connectors.SourceDocument;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    /** Issues updated this close before a poll are listed again next time: clocks differ. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);

    private final GitHubSettings settings;
    private final GitHubApi api;
    private final Clock clock;
    private final GitHubIds ids;
    private final RepoCatalog catalog;
    private final RepoFiles files;
    private final RepoIssues issues;
    private final FileOffers offers;
    private final GitHubDirectory directory;
    private volatile Map<Long, Repo> lastListed = Map.of();

    GitHubConnector(GitHubSettings settings, GitHubApi api, dev.sextant.connectors.extract.TextExtractor extractor,
                    Clock clock) {
        this.settings = settings;
        this.api = api;
        this.clock = clock;
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
            Acl acl;
            try {
                acl = access.acl(repo);
                Optional<RepoFiles.Head> head = files.head(repo);
                if (head.isPresent()) {
                    offers.offerAll(repo, acl, files.tree(repo, head.get().tree()), sink);
                }
            } catch (IOException e) {
                if (!GitHubApi.gone(e)) {
                    throw new IOException("repository " + repo.fullName() + " could not be read: " + e.getMessage(), e);
                }
                sink.skip(ids.repo(repo.id()), "repository " + repo.fullName() + " is not readable: " + e.getMessage());
                continue;
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
    }

    @Override
    public String currentCursor() throws IOException, InterruptedException {
        Instant since = now();
        Map<Long, String> heads = new HashMap<>();
        for (Repo repo : repos()) {
            try {
                files.head(repo).ifPresent(h -> heads.put(repo.id(), h.commit()));
            } catch (IOException e) {
                if (!GitHubApi.gone(e)) {
                    throw e;
                }
            }
        }
        return new GitHubCursor(since, heads).format();
    }

    @Override
    public String poll(String cursor, ChangeSink sink) throws IOException, InterruptedException {
        GitHubCursor from = GitHubCursor.parse(cursor);
        Instant since = now();
        Map<Long, String> heads = new HashMap<>();
        RepoAccess access = new RepoAccess(api);
        for (Repo repo : repos()) {
            String old = from.heads().get(repo.id());
            try {
                Acl acl = access.acl(repo);
                Optional<RepoFiles.Head> head = files.head(repo);
                if (head.isPresent() && !head.get().commit().equals(old)) {
                    offers.changes(repo, acl, old, head.get(), sink);
                }
                head.ifPresent(h -> heads.put(repo.id(), h.commit()));
                if (settings.issues()) {
                    changedIssues(repo, acl, from.since(), sink);
                }
            } catch (IOException e) {
                if (!GitHubApi.gone(e)) {
                    if (old != null) {
                        heads.put(repo.id(), old);
                    }
                    sink.skip(ids.repo(repo.id()), "repository " + repo.fullName() + " could not be polled: "
                            + e.getMessage());
                }
            }
        }
        return new GitHubCursor(since, heads).format();
    }

    private void changedIssues(Repo repo, Acl acl, Instant since, ChangeSink sink)
            throws IOException, InterruptedException {
        Map<Long, JsonNode> changed = new HashMap<>();
        issues.list(repo, Optional.of(since)).forEach(i -> changed.put(i.path("number").asLong(), i));
        Map<Long, List<JsonNode>> commented = issues.comments(repo, Optional.of(since));
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
            if (newContent || commented.containsKey(number)) {
                List<JsonNode> comments = issue.path("comments").asLong() > 0 ? issues.commentsOf(repo, number) : List.of();
                if (newContent || RepoIssues.editedSince(issue, comments)) {
                    sink.upsert(issues.document(repo, acl, issue, comments));
                }
            }
        }
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

    private Instant now() {
        return clock.instant().minus(CLOCK_MARGIN).truncatedTo(ChronoUnit.SECONDS);
    }
}
