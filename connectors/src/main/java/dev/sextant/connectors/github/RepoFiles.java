package dev.sextant.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.acl.Acl;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.extract.ExtractedText;
import dev.sextant.connectors.extract.ExtractionException;
import dev.sextant.connectors.extract.FileNames;
import dev.sextant.connectors.extract.TextExtractor;
import dev.sextant.connectors.http.SourceResponse;
import dev.sextant.connectors.spi.SlimDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The files of a repository's default branch: the head from {@code /branches/{branch}}, every blob of its tree
 * ({@code /git/trees/{sha}?recursive=1}, walking subtrees one by one when GitHub truncates the listing), and a
 * file's content from {@code /git/blobs/{sha}}, extracted as text. The blob sha is the content version, so an
 * unchanged file is never downloaded again.
 */
final class RepoFiles {

    record Head(String commit, String tree) {
    }

    record Entry(String path, String sha, long size) {
    }

    /** A file that cannot be indexed, with the reason. */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason);
        }
    }

    private static final String SYMLINK = "120000";

    private final GitHubApi api;
    private final TextExtractor extractor;
    private final GitHubIds ids;

    RepoFiles(GitHubApi api, TextExtractor extractor, GitHubIds ids) {
        this.api = api;
        this.extractor = extractor;
        this.ids = ids;
    }

    GitHubApi api() {
        return api;
    }

    /** The default branch's head; empty for an empty repository or a missing branch. */
    Optional<Head> head(Repo repo) throws IOException, InterruptedException {
        SourceResponse response = api.get(api.uri(repo.path() + "branches/" + GitHubApi.segment(repo.defaultBranch())));
        if (response.status() == 404 || response.status() == 409) {
            return Optional.empty();
        }
        JsonNode commit = GitHubApi.parse(response.requireOk()).path("commit");
        return Optional.of(new Head(commit.path("sha").asText(), commit.path("commit").path("tree").path("sha").asText()));
    }

    List<Entry> tree(Repo repo, String treeSha) throws IOException, InterruptedException {
        List<Entry> entries = new ArrayList<>();
        walk(repo, treeSha, "", entries);
        return entries;
    }

    private void walk(Repo repo, String sha, String prefix, List<Entry> into) throws IOException, InterruptedException {
        String tree = repo.path() + "git/trees/" + sha;
        SourceResponse recursive = api.get(api.uri(tree + "?recursive=1"));
        if (recursive.status() == 409) {
            return;
        }
        JsonNode listing = GitHubApi.parse(recursive.requireOk());
        if (!listing.path("truncated").asBoolean(false)) {
            blobs(listing, prefix, into);
            return;
        }
        JsonNode level = GitHubApi.parse(api.get(api.uri(tree)).requireOk());
        blobs(level, prefix, into);
        for (JsonNode entry : level.path("tree")) {
            if ("tree".equals(entry.path("type").asText())) {
                walk(repo, entry.path("sha").asText(), prefix + entry.path("path").asText() + "/", into);
            }
        }
    }

    /** Blobs only: subtrees are walked or already flattened, submodules ({@code commit}) and symlinks are not files. */
    private static void blobs(JsonNode listing, String prefix, List<Entry> into) {
        for (JsonNode entry : listing.path("tree")) {
            if ("blob".equals(entry.path("type").asText()) && !SYMLINK.equals(entry.path("mode").asText())) {
                into.add(new Entry(prefix + entry.path("path").asText(), entry.path("sha").asText(),
                        entry.path("size").asLong(0)));
            }
        }
    }

    SlimDocument slim(Repo repo, Acl acl, Entry entry) {
        return new SlimDocument(ids.file(repo, entry.path()), entry.sha(), acl);
    }

    SourceDocument document(Repo repo, Acl acl, Entry entry) throws IOException, InterruptedException, Unreadable {
        SourceResponse response = api.getOnce(api.uri(repo.path() + "git/blobs/" + entry.sha()));
        if (response.status() == 404 || response.status() == 409 || response.status() == 422) {
            throw new Unreadable("blob " + entry.sha() + " not readable (HTTP " + response.status() + ")");
        }
        JsonNode blob = GitHubApi.parse(response.requireOk());
        if (!"base64".equals(blob.path("encoding").asText("base64"))) {
            throw new Unreadable("blob " + entry.sha() + " came as " + blob.path("encoding").asText() + ", not base64");
        }
        byte[] content;
        try {
            content = Base64.getMimeDecoder().decode(blob.path("content").asText());
        } catch (IllegalArgumentException e) {
            throw new Unreadable("blob " + entry.sha() + " is not valid base64");
        }
        String name = entry.path().substring(entry.path().lastIndexOf('/') + 1);
        String asRead = extractor.supports(name) ? name : name + ".txt";
        ExtractedText text;
        try {
            text = extractor.extract(content, asRead);
        } catch (ExtractionException e) {
            throw new Unreadable(e.getMessage());
        }
        String where = repo.fullName() + "/" + entry.path();
        String title = text.title().equals(FileNames.title(asRead)) ? where : text.title() + " — " + where;
        return new SourceDocument(ids.file(repo, entry.path()), GitHubPrincipals.SOURCE, title, text.body(),
                url(repo, entry.path()), repo.pushedAt(), acl, entry.sha());
    }

    static String url(Repo repo, String path) {
        StringBuilder url = new StringBuilder(repo.htmlUrl()).append("/blob/").append(GitHubApi.segment(repo.defaultBranch()));
        for (String segment : path.split("/")) {
            url.append('/').append(GitHubApi.segment(segment).replace("/", "%2F"));
        }
        return url.toString();
    }
}
