package dev.sextant.connectors.github;

import java.util.Optional;

/**
 * Document ids, stable across renames because they use the repository's numeric id:
 * {@code <source id>:<repo id>:file:<path>} and {@code <source id>:<repo id>:issue:<number>} (pull requests
 * included); {@code <source id>:<repo id>:} prefixes everything of one repository.
 */
record GitHubIds(String sourceId) {

    static final String FILE = "file";
    static final String ISSUE = "issue";

    String repo(long repoId) {
        return sourceId + ":" + repoId + ":";
    }

    String file(Repo repo, String path) {
        return repo(repo.id()) + FILE + ":" + path;
    }

    String issue(Repo repo, long number) {
        return repo(repo.id()) + ISSUE + ":" + number;
    }

    /** A parsed document id: its repository, kind ({@value #FILE} or {@value #ISSUE}) and path or number. */
    record Parsed(long repoId, String kind, String rest) {
    }

    Optional<Parsed> parse(String documentId) {
        if (!documentId.startsWith(sourceId + ":")) {
            return Optional.empty();
        }
        String[] parts = documentId.substring(sourceId.length() + 1).split(":", 3);
        if (parts.length < 3 || !(parts[1].equals(FILE) || parts[1].equals(ISSUE))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parsed(Long.parseLong(parts[0]), parts[1], parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
