package dev.sextant.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.acl.Acl;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.http.SourceResponse;
import dev.sextant.connectors.spi.ChangeSink;
import dev.sextant.connectors.spi.DocumentSink;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hands a repository's files to a sink: each indexable file offered by blob sha before its blob is fetched, binaries
 * and oversized files skipped with their reason, vendored and generated paths left out. For a poll, the files that
 * changed between two heads, from {@code /compare/{base}...{head}}; where that cannot say (the old head is gone after
 * a force push, histories diverged, or GitHub's limit of 300 files is reached) the whole tree is offered and the slim
 * listing that follows removes what is gone.
 */
final class FileOffers {

    /** GitHub lists at most this many files in a comparison. */
    static final int COMPARE_FILE_LIMIT = 300;
    private static final Set<String> LINEAR = Set.of("ahead", "identical");

    private final RepoFiles files;
    private final PathFilter filter;
    private final GitHubIds ids;

    FileOffers(RepoFiles files, PathFilter filter, GitHubIds ids) {
        this.files = files;
        this.filter = filter;
        this.ids = ids;
    }

    boolean indexable(RepoFiles.Entry entry) {
        return filter.exclusion(entry.path(), entry.size()).isEmpty();
    }

    void offerAll(Repo repo, Acl acl, List<RepoFiles.Entry> entries, DocumentSink sink)
            throws IOException, InterruptedException {
        for (RepoFiles.Entry entry : entries) {
            offer(repo, acl, entry, sink);
        }
    }

    private void offer(Repo repo, Acl acl, RepoFiles.Entry entry, DocumentSink sink)
            throws IOException, InterruptedException {
        Optional<PathFilter.Exclusion> exclusion = filter.exclusion(entry.path(), entry.size());
        if (exclusion.isPresent()) {
            if (exclusion.get().kind() != PathFilter.Kind.VENDORED) {
                sink.skip(ids.file(repo, entry.path()), exclusion.get().reason());
            }
            return;
        }
        if (sink.offer(files.slim(repo, acl, entry))) {
            try {
                sink.upsert(files.document(repo, acl, entry));
            } catch (RepoFiles.Unreadable e) {
                sink.skip(ids.file(repo, entry.path()), e.getMessage());
            }
        }
    }

    void changes(Repo repo, Acl acl, String base, RepoFiles.Head head, ChangeSink sink)
            throws IOException, InterruptedException {
        List<RepoFiles.Entry> tree = files.tree(repo, head.tree());
        Optional<JsonNode> compare = base == null ? Optional.empty() : compare(repo, base, head.commit());
        if (compare.isEmpty()) {
            offerAll(repo, acl, tree, sink);
            return;
        }
        Map<String, RepoFiles.Entry> byPath = new HashMap<>();
        tree.forEach(e -> byPath.put(e.path(), e));
        for (JsonNode file : compare.get().path("files")) {
            String path = file.path("filename").asText();
            if ("renamed".equals(file.path("status").asText()) && file.hasNonNull("previous_filename")) {
                sink.delete(ids.file(repo, file.get("previous_filename").asText()));
            }
            RepoFiles.Entry entry = byPath.get(path);
            if (entry == null || "removed".equals(file.path("status").asText())) {
                sink.delete(ids.file(repo, path));
            } else {
                offer(repo, acl, entry, sink);
            }
        }
    }

    /** The comparison, when it lists every changed file of a linear history. */
    private Optional<JsonNode> compare(Repo repo, String base, String head) throws IOException, InterruptedException {
        SourceResponse response = files.api().get(files.api().uri(repo.path() + "compare/" + base + "..." + head));
        if (response.status() == 404 || response.status() == 422) {
            return Optional.empty();
        }
        JsonNode comparison = GitHubApi.parse(response.requireOk());
        boolean complete = LINEAR.contains(comparison.path("status").asText())
                && comparison.path("files").size() < COMPARE_FILE_LIMIT;
        return complete ? Optional.of(comparison) : Optional.empty();
    }

    /** One file as it is on the default branch now; empty when it is gone or not indexable. */
    Optional<SourceDocument> fetch(Repo repo, Acl acl, String path) throws IOException, InterruptedException {
        Optional<RepoFiles.Head> head = files.head(repo);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        for (RepoFiles.Entry entry : files.tree(repo, head.get().tree())) {
            if (entry.path().equals(path) && indexable(entry)) {
                try {
                    return Optional.of(files.document(repo, acl, entry));
                } catch (RepoFiles.Unreadable e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
